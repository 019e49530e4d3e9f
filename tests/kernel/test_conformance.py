"""The Jupyter project's own kernel conformance suite (jupyter_kernel_test), run against our kernel."""
import jupyter_kernel_test as jkt

import kernel_support  # noqa: F401  (installs the kernelspec)


class CnnlabKernelTests(jkt.KernelTests):
    kernel_name = "cnnlab"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    code_page_something = ""
    code_generate_error = "throw new IllegalStateException(\"boom\");"
    code_execute_result = [
        {"code": "1+1", "result": "2"},
        {"code": "\"a\" + \"b\"", "result": "ab"},
        {"code": "6*7", "result": "42"},
    ]
    code_display_data = [
        {"code": "display(\"shown\");", "mime": "text/plain"},
        {"code": "displayHtml(\"<b>bold</b>\");", "mime": "text/html"},
    ]
    code_history_pattern = "6*?"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs"
    code_clear_output = "clearOutput();"
    completion_samples = [
        {"text": "Math.absE", "matches": {"absExact("}},
        {"text": "Integer.MAX_VAL", "matches": {"MAX_VALUE"}},
    ]
    complete_code_samples = ["1+1", "int x = 1;", "void f() { }", "%time 1+1", "class A { int a; }"]
    incomplete_code_samples = ["void f() {", "int x = 1 +", "for (int i = 0; i < 3; i++) {"]
    invalid_code_samples = ["int x = 1; }", "1 +* 2)", ")"]
