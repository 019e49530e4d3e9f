"""Execution through a real Jupyter client: results, display, errors, interrupt, state, never-dies."""
import re
import subprocess

from kernel_support import Kernel  # noqa: F401


def test_expression_shows_result_statement_does_not(kernel):
    assert kernel.value("1+1") == "2"
    reply, outputs = kernel.run("int n = 3;")
    assert reply["status"] == "ok" and outputs == []
    reply, outputs = kernel.run("n * 2;")
    assert not [o for o in outputs if o[0] == "execute_result"]


def test_chart_is_png_and_display_updates_in_place(kernel):
    code = ('var chart = new XYChart(300, 200); chart.addSeries("loss", new double[]{1,2,3}, '
            'new double[]{3,2,1});\nchart')
    reply, outputs = kernel.run(code)
    result = [c for t, c in outputs if t == "execute_result"][0]
    assert result["data"]["image/png"].startswith("iVBOR") and "text/plain" in result["data"]
    reply, outputs = kernel.run('var h = display("first");\nupdateDisplay(h, "second");')
    assert reply["status"] == "ok"
    shown = [c for t, c in outputs if t == "display_data"]
    updated = [c for t, c in outputs if t == "update_display_data"]
    assert shown[0]["data"]["text/plain"] == "first"
    assert updated[0]["data"]["text/plain"] == "second"
    assert shown[0]["transient"]["display_id"] == updated[0]["transient"]["display_id"]
    assert not [o for o in outputs if o[0] == "execute_result"]


def test_display_from_background_thread_reaches_running_cell(kernel):
    reply, outputs = kernel.run('var t = new Thread(() -> display("from thread")); t.start(); t.join();')
    assert [c for t, c in outputs if t == "display_data"][0]["data"]["text/plain"] == "from thread"


def test_table_renders_html(kernel):
    reply, outputs = kernel.run('Table.create("t", IntColumn.create("a", new int[]{1, 2}))')
    data = [c for t, c in outputs if t == "execute_result"][0]["data"]
    assert "text/html" in data and "text/plain" in data


def test_compile_error_names_line_column_and_marks_code(kernel):
    reply, outputs = kernel.run("int a = 1;\nint b = missing + a;")
    assert reply["status"] == "error" and reply["ename"] == "CompileError"
    text = "\n".join(reply["traceback"])
    assert "line 2, column 9" in text and "cannot find symbol" in text
    assert "int b = missing + a;\n            ^^^^^^^" in text


def test_runtime_error_has_real_class_and_cell_line(kernel):
    kernel.run("int divide(int x) {\n  return 10 / x;\n}")
    reply, outputs = kernel.run("int ok = 1;\ndivide(0)")
    assert reply["ename"] == "java.lang.ArithmeticException" and reply["evalue"] == "/ by zero"
    text = "\n".join(reply["traceback"])
    assert re.search(r"at divide \(cell \[\d+\], line 2\)", text), text
    assert re.search(r"at cell \[\d+\], line 2", text), text
    assert "jdk.jshell" not in text and "org.cnnlab.kernel" not in text and "reflect" not in text


def test_state_survives_import_and_method_redefinition(kernel):
    kernel.run('var names = new ArrayList<String>(); names.add("a"); int count = 7;')
    kernel.run("import java.time.*;")
    assert kernel.value("names + \" \" + count") == "[a] 7"
    kernel.run('String greet() { return "hi"; }')
    kernel.run("var said = greet();")
    kernel.run('String greet() { return "hello"; }')
    assert kernel.value("said + \" \" + greet() + \" \" + count") == "hi hello 7"


def test_changed_class_shape_resets_its_variables_and_says_so(kernel):
    kernel.run("class Point { int x = 1; }")
    kernel.run("Point p = new Point(); int kept = 5;")
    reply, outputs = kernel.run("class Point { int x = 1; int y = 2; }")
    assert "p was reset" in kernel.stdout(outputs, "stderr")
    assert kernel.value("p") == "null"
    assert kernel.value("kept") == "5"


def test_interrupt_stops_busy_loop_and_sleep_and_keeps_state(kernel):
    kernel.run("int before = 42;")
    for loop in ["while (true) { }", "Thread.sleep(60_000);", "long s = 0; for (long i = 0; ; i++) s += i;"]:
        reply, outputs = kernel.run_and_interrupt('{ display("running"); ' + loop + " }", timeout=30)
        assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    assert kernel.value("before") == "42"


def test_interrupt_is_cooperative_first(kernel):
    # The cell sees the interrupt flag, records it and returns normally: only the cooperative path (not
    # Thread.stop) can set the variable. The flag is still set when it returns, so the cell is reported
    # interrupted, as cnn-api's training reports a stopped fit.
    kernel.run("boolean sawInterrupt = false;")
    code = '{ display("running"); while (!Thread.currentThread().isInterrupted()) { } sawInterrupt = true; }'
    reply, _ = kernel.run_and_interrupt(code, timeout=30)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    assert "earlier variables are intact" in reply["evalue"]
    assert kernel.value("sawInterrupt") == "true"


def test_cell_that_clears_the_interrupt_shows_its_result(kernel):
    code = ('String poll() { display("running"); while (!Thread.interrupted()) { } return "stopped cleanly"; }\n'
            'poll()')
    reply, outputs = kernel.run_and_interrupt(code, timeout=30)
    assert reply["status"] == "ok", reply
    assert [c for t, c in outputs if t == "execute_result"][0]["data"]["text/plain"] == "stopped cleanly"


def test_interrupt_falls_back_to_stop_for_code_that_ignores_it(kernel):
    # The loop clears every interrupt and never ends by itself: only the forced stop after the grace period
    # can end it, so an Interrupted reply proves the fallback.
    kernel.run("int ignored = 0;")
    reply, _ = kernel.run_and_interrupt('{ display("running"); while (true) { Thread.interrupted(); ignored++; } }',
                                        timeout=30)
    assert reply["ename"] == "Interrupted", reply
    assert int(kernel.value("ignored")) > 0


def test_kernel_survives_exit_stack_overflow_and_oom(kernel):
    reply, _ = kernel.run("System.exit(0);")
    assert reply["status"] == "error" and "System.exit" in reply["evalue"] and "restart the kernel" in reply["evalue"]
    reply, _ = kernel.run("int down(int n) { return down(n + 1) + 1; }\ndown(0)")
    assert reply["ename"] == "java.lang.StackOverflowError"
    # 1 GB arrays go straight to the old generation: the heap fills without minutes of copying on a busy machine.
    reply, _ = kernel.run("var hog = new ArrayList<long[]>(); while (true) hog.add(new long[125_000_000]);",
                          timeout=300)
    assert reply["ename"] == "java.lang.OutOfMemoryError"
    assert kernel.value("1+2") == "3"


def test_streams_and_magics(kernel):
    reply, outputs = kernel.run('%time Thread.sleep(20)')
    assert "Wall time:" in kernel.stdout(outputs)
    reply, outputs = kernel.run('%%time\nint t = 5;\nt * 2')
    assert "Wall time:" in kernel.stdout(outputs)
    assert [c for tp, c in outputs if tp == "execute_result"][0]["data"]["text/plain"] == "10"
    reply, outputs = kernel.run("%classpath")
    assert "cnn-api" in kernel.stdout(outputs)
    reply, outputs = kernel.run("%maven no.such:artifact:1.0")
    assert reply["status"] == "error" and "cannot resolve" in reply["evalue"]
    reply, outputs = kernel.run("%nonsense")
    assert reply["status"] == "error" and "Unknown magic" in reply["evalue"]


def test_load_magic_and_jars(kernel, tmp_path):
    script = tmp_path / "helper.jsh"
    script.write_text("int loadedValue() { return 99; }\n")
    reply, _ = kernel.run(f"%load {script}")
    assert reply["status"] == "ok"
    assert kernel.value("loadedValue()") == "99"


def test_jars_magic_adds_a_jar_and_refuses_a_damaged_one(kernel, tmp_path):
    source = tmp_path / "src" / "greet" / "Hello.java"
    source.parent.mkdir(parents=True)
    source.write_text('package greet; public class Hello { public String hi() { return "hi from a jar"; } }')
    subprocess.run(["javac", "-d", str(tmp_path / "classes"), str(source)], check=True)
    jar = tmp_path / "greet.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(tmp_path / "classes"), "."], check=True)
    reply, outputs = kernel.run(f"%jars {jar}")
    assert reply["status"] == "ok" and "Added" in kernel.stdout(outputs), (reply, outputs)
    assert kernel.value("new greet.Hello().hi()") == 'hi from a jar'

    # JShell takes a file that is not a zip, and javac then fails every later cell: the kernel refuses it.
    damaged = tmp_path / "damaged.jar"
    damaged.write_bytes(jar.read_bytes()[:100])
    reply, _ = kernel.run(f"%jars {damaged}")
    assert reply["status"] == "error" and str(damaged) in reply["evalue"] and "damaged" in reply["evalue"], reply
    assert kernel.value("1+1") == "2"
    assert kernel.value("new greet.Hello().hi()") == 'hi from a jar'


def test_seed_and_device_magics(kernel):
    reply, outputs = kernel.run("%seed 42")
    assert reply["status"] == "ok", reply
    assert "Seeded with 42" in kernel.stdout(outputs)
    # The same seed gives the same draws from the engine.
    draw = ("try (var m = NDManager.newBaseManager()) { "
            "m.randomUniform(0f, 1f, new ai.djl.ndarray.types.Shape(3)).toFloatArray()[2] }")
    reply, _ = kernel.run("%seed 7")
    first = kernel.value("float d1; " + draw.replace("{ m.", "{ d1 = m.").replace("[2] }", "[2]; }") + "\nd1")
    kernel.run("%seed 7")
    second = kernel.value("float d2; " + draw.replace("{ m.", "{ d2 = m.").replace("[2] }", "[2]; }") + "\nd2")
    assert first == second, (first, second)
    reply, _ = kernel.run("%seed forty-two")
    assert reply["status"] == "error" and "whole number" in reply["evalue"]
    reply, outputs = kernel.run("%device")
    text = kernel.stdout(outputs)
    assert reply["status"] == "ok", reply
    assert "Device.auto():" in text and "Device.gpuCount(): " in text
    assert re.search(r"DJL \d+\.\d+\.\d+, PyTorch \d+\.\d+\.\d+, (CPU|CUDA) natives", text), text


def test_a_cell_importing_a_default_package_keeps_the_other_default_imports(kernel):
    # The start-up imports are one JShell snippet; a user's import of one of them must not replace it.
    for line in ("import java.util.*;", "import org.cnnlab.*;", "import static org.cnnlab.Checks.*;"):
        reply, _ = kernel.run(line)
        assert reply["status"] == "ok", reply
    assert kernel.value("new XYChart(10, 10).getWidth() + new ArrayList<>(List.of(1)).size()") == "11"
    assert kernel.run('display("still imported");')[0]["status"] == "ok"
