#!/bin/sh
# Starts the cnnlab Java kernel; Jupyter runs it with the connection file (see kernel.json).
# Everything it needs is in this folder: lib/ holds the kernel, cnn-api and their dependencies.
#   CNNLAB_JAVA       the java to use, Java 17 or later. Default: CNNLAB_INSTALLED_JAVA, which
#                     scripts/install-kernel.sh writes into kernel.json (the JDK the kernel was installed and
#                     warmed with, whose start-up archive it holds), while it exists; else $JAVA_HOME/bin/java,
#                     else java on PATH.
#   CNNLAB_JAVA_OPTS  extra JVM options, e.g. -Xmx8g
dir=$(cd "$(dirname "$0")" && pwd)
connection_file=$1
# cnnlab's settings that must be in the environment before java starts (glibc's malloc thresholds), from the
# one settings file the build copies here; a value already set where Jupyter runs wins.
. "$dir/settings.sh"
cnnlab_export_settings "$dir/settings.properties"
java=${CNNLAB_JAVA:-}
if [ -z "$java" ] && [ -n "${CNNLAB_INSTALLED_JAVA:-}" ] && [ -x "$CNNLAB_INSTALLED_JAVA" ]; then
  java=$CNNLAB_INSTALLED_JAVA
fi
if [ -z "$java" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
fi
# -Djava.security.manager=allow: lets the kernel block System.exit in cells (see ExitGuard). Java 17 to 23
# take it (17 would otherwise print a warning, 18 to 23 refuse a SecurityManager), 24 and later refuse to
# start with it: so it is passed up to 23 only. The version comes from the JDK's `release` file (a millisecond; `java -version` costs
# ~70 ms and is only the fallback for a java without one).
# -Djava.awt.headless=true always, unlike the library's default (headless only without a display): the kernel
# never opens windows; its pictures go to the notebook.
# -Dcnnlab.classpathIndex: where the kernel keeps which packages each jar in lib/ holds, so that javac opens
# only the jars a cell needs (see LazyClasspath); the first start writes it, where this folder is writable.
# -Dcnnlab.sources: the folder of -sources.jar files whose javadoc inspect shows (see SourceJavadoc).
# -javaagent: lets JShell redefine classes in place so variables survive re-run cells (see RedefineAgent).
# AppCDS: a class-data archive of this folder's jars, written by one session started with CNNLAB_CDS_DUMP=1
# (scripts/install-kernel.sh does that), shortens start-up; a stale or foreign archive is ignored by the JVM.
# The JVM silently ignores an archive written with -XX:+AllowArchivingWithJavaAgent unless the session using
# it passes that option too ("the setting ... is different from the setting in the shared archive", seen only
# with -Xlog:cds): both branches pass it.
# -XX:-PrintWarnings: with the agent, the JVM warns when writing and on every start using the archive that it
# is "for testing purposes only" (the agent only keeps Instrumentation; it transforms no class).
# -XX:Tier4*Threshold, ten times the defaults: C2 compiles a method after ten times as many calls or loop turns.
# At start-up javac makes its first compilations (the default imports, then the first cell) while C2 compiles
# javac methods that will hardly run again, on one of a laptop's two cores: the first `1+1` after start waited
# ~0.45 s, ~0.23 s without that. Code that stays hot (a training loop, a convolution by hand) still reaches C2,
# milliseconds later; measured on 2 cores: no change in a by-hand convolution loop or a LeNet-5 fit.
# The JVM options are gathered as the positional parameters: paths in them may hold spaces.
set --
if [ -n "${CNNLAB_CDS_DUMP:-}" ]; then
  set -- -XX:+UnlockDiagnosticVMOptions -XX:+AllowArchivingWithJavaAgent "-XX:ArchiveClassesAtExit=$dir/cnnlab.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -XX:-PrintWarnings
elif [ -f "$dir/cnnlab.jsa" ]; then
  set -- -XX:+UnlockDiagnosticVMOptions -XX:+AllowArchivingWithJavaAgent "-XX:SharedArchiveFile=$dir/cnnlab.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -XX:-PrintWarnings
fi
feature=
path=$(command -v "$java" 2>/dev/null) && path=$(readlink -f "$path" 2>/dev/null) \
  && feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${path%/bin/java}/release" 2>/dev/null)
if [ -z "$feature" ]; then
  feature=$("$java" -version 2>&1 | sed -n '/version "/{s/.*version "\([0-9]*\).*/\1/p;q;}')
fi
if [ -n "$feature" ] && [ "$feature" -le 23 ]; then set -- "$@" -Djava.security.manager=allow; fi
# CNNLAB_JAVA_OPTS is split at spaces on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java" -XX:+UseSerialGC -Xss4m "$@" \
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 \
  -XX:Tier4BackEdgeThreshold=400000 \
  -Djava.awt.headless=true "-Dcnnlab.sources=$dir/sources" "-Dcnnlab.classpathIndex=$dir/classpath-index.txt" \
  "-javaagent:$dir/lib/cnnlab-kernel.jar" \
  -cp "$dir/lib/*" ${CNNLAB_JAVA_OPTS:-} org.cnnlab.kernel.Main "$connection_file"
