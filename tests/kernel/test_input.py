"""Reading input in a cell (issue #10): System.in and readLine/readPassword ask the front end over the stdin
channel when it allows input, say clearly that input is unavailable when it does not, never hang, and can be
interrupted while waiting."""


def _ask(kernel, code, **kw):
    msg_id = kernel.kc.execute(code, allow_stdin=True, **kw)
    request = kernel.kc.get_stdin_msg(timeout=60)
    assert request["parent_header"]["msg_id"] == msg_id, request
    return msg_id, request["content"]


def test_scanner_on_system_in_reads_what_the_user_types(kernel):
    msg_id, asked = _ask(kernel, "var in = new Scanner(System.in);\nString first = in.nextLine();\n"
                                 "String second = in.nextLine();\nfirst + \"|\" + second")
    assert asked == {"prompt": "", "password": False}
    kernel.kc.input("héllo wörld")
    asked = kernel.kc.get_stdin_msg(timeout=60)  # the second line is asked for once the first was read
    assert asked["parent_header"]["msg_id"] == msg_id
    kernel.kc.input("2nd")
    reply, outputs = kernel.collect(msg_id)
    assert reply["status"] == "ok", reply
    assert [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ["héllo wörld|2nd"]


def test_read_line_and_read_password_show_the_prompt(kernel):
    msg_id, asked = _ask(kernel, 'String token = readPassword("Token: ");\ntoken.length()')
    assert asked == {"prompt": "Token: ", "password": True}
    kernel.kc.input("s3cret")
    reply, outputs = kernel.collect(msg_id)
    assert [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ["6"]
    msg_id, asked = _ask(kernel, 'readLine("Your name: ")')
    assert asked == {"prompt": "Your name: ", "password": False}
    kernel.kc.input("Ada")
    reply, outputs = kernel.collect(msg_id)
    assert [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ["Ada"]


def test_without_allow_stdin_reading_fails_with_a_clear_error(kernel):
    for code in ("new Scanner(System.in).nextLine()", 'readLine("name? ")',
                 "new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine()"):
        reply, _ = kernel.run(None, send=lambda: kernel.kc.execute(code, allow_stdin=False))
        assert reply["status"] == "error", reply
        assert reply["ename"].endswith("InputNotAvailableException"), reply
        assert "allow_stdin is false" in reply["evalue"], reply
    assert kernel.value("1+1") == "2"


def test_interrupt_while_waiting_for_input_stops_the_cell(kernel):
    kernel.run("int keptWhileWaiting = 5;")
    msg_id, _ = _ask(kernel, "new Scanner(System.in).nextLine()")
    kernel.km.interrupt_kernel()  # the input_request proves the cell is waiting
    reply, _ = kernel.collect(msg_id)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    # An answer arriving now answers nothing: it is dropped, and the next cell runs normally.
    kernel.kc.input("too late")
    assert kernel.value("keptWhileWaiting") == "5"
