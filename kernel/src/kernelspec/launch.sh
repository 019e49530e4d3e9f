#!/bin/sh
# Starts the cnnlab Java kernel; Jupyter runs it with the connection file (see kernel.json).
# Everything it needs is in this folder: lib/ holds the kernel, cnn-api and their dependencies.
#   CNNLAB_JAVA       the java to use (default: $JAVA_HOME/bin/java, else java on PATH); Java 17 wanted
#   CNNLAB_JAVA_OPTS  extra JVM options, e.g. -Xmx8g
dir=$(cd "$(dirname "$0")" && pwd)
java=${CNNLAB_JAVA:-}
if [ -z "$java" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
fi
# -Djava.security.manager=allow: lets the kernel block System.exit in cells (Java 17; see ExitGuard).
# -Dcnnlab.sources: the folder of -sources.jar files whose javadoc inspect shows (see SourceJavadoc).
# -javaagent: lets JShell redefine classes in place so variables survive re-run cells (see RedefineAgent).
# AppCDS: a class-data archive of this folder's jars, written by one session started with CNNLAB_CDS_DUMP=1
# (scripts/install-kernel.sh does that), shortens start-up; a stale or foreign archive is ignored by the JVM.
cds=
if [ -n "${CNNLAB_CDS_DUMP:-}" ]; then
  cds="-XX:+UnlockDiagnosticVMOptions -XX:+AllowArchivingWithJavaAgent -XX:ArchiveClassesAtExit=$dir/cnnlab.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
elif [ -f "$dir/cnnlab.jsa" ]; then
  cds="-XX:SharedArchiveFile=$dir/cnnlab.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
exec "$java" -XX:+UseSerialGC -Xss4m $cds \
  -Djava.security.manager=allow -Djava.awt.headless=true -Dcnnlab.sources="$dir/sources" \
  -javaagent:"$dir/lib/cnnlab-kernel.jar" \
  -cp "$dir/lib/*" ${CNNLAB_JAVA_OPTS:-} org.cnnlab.kernel.Main "$1"
