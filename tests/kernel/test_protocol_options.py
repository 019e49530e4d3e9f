"""execute_request options a notebook front end relies on: stop_on_error aborts the cells queued behind a
failed one (as ipykernel does), and only then."""


def _replies(kernel, msg_ids, timeout=60):
    replies = {}
    while len(replies) < len(msg_ids):
        m = kernel.kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") in msg_ids:
            replies[m["parent_header"]["msg_id"]] = m["content"]
    return [replies[i] for i in msg_ids]


def test_error_aborts_the_requests_queued_behind_it(kernel):
    kernel.run("int ranAfterError = 0;")
    ids = [kernel.kc.execute('Thread.sleep(300); throw new IllegalStateException("first fails");'),
           kernel.kc.execute("ranAfterError++;"),
           kernel.kc.execute("ranAfterError++;")]
    first, second, third = _replies(kernel, ids)
    assert first["status"] == "error" and first["evalue"] == "first fails", first
    assert second["status"] == "aborted" and third["status"] == "aborted", (second, third)
    # Aborting ends with the queue: the next request runs, and the aborted ones never did.
    assert kernel.value("ranAfterError") == "0"


def test_without_stop_on_error_queued_requests_still_run(kernel):
    kernel.run("int ranAnyway = 0;")
    ids = [kernel.kc.execute('Thread.sleep(300); throw new IllegalStateException("boom");', stop_on_error=False),
           kernel.kc.execute("ranAnyway++;"),
           kernel.kc.execute("ranAnyway")]
    first, second, third = _replies(kernel, ids)
    assert first["status"] == "error" and second["status"] == "ok" and third["status"] == "ok"
    assert kernel.value("ranAnyway") == "1"


def test_an_ok_cell_aborts_nothing(kernel):
    ids = [kernel.kc.execute("Thread.sleep(200);"), kernel.kc.execute("1+1")]
    assert [r["status"] for r in _replies(kernel, ids)] == ["ok", "ok"]


def test_user_expressions_are_evaluated_after_the_cell(kernel):
    msg_id = kernel.kc.execute("int ue = 20;", user_expressions={
        "double": "ue * 2", "chart": "new XYChart(100, 80)", "broken": "ue / 0", "missing": "nope + 1",
        "statement": "ue++;"})
    reply = _replies(kernel, [msg_id])[0]
    assert reply["status"] == "ok", reply
    answers = reply["user_expressions"]
    assert answers["double"] == {"status": "ok", "data": {"text/plain": "40"}, "metadata": {}}
    assert answers["chart"]["status"] == "ok" and answers["chart"]["data"]["image/png"].startswith("iVBOR")
    assert answers["broken"]["status"] == "error" and answers["broken"]["ename"] == "java.lang.ArithmeticException"
    assert answers["missing"]["status"] == "error" and answers["missing"]["ename"] == "CompileError"
    assert answers["statement"]["status"] == "error" and answers["statement"]["ename"] == "NotAnExpression"


def test_a_failed_cell_evaluates_no_user_expressions(kernel):
    kernel.run("int touched = 0;")
    msg_id = kernel.kc.execute('throw new RuntimeException("no");', user_expressions={"t": "++touched"})
    reply = _replies(kernel, [msg_id])[0]
    assert reply["status"] == "error" and not reply.get("user_expressions")
    assert kernel.value("touched") == "0"


def test_a_cell_sent_after_the_failed_cells_reply_is_never_aborted(kernel):
    # Each cell is sent only after the previous failed cell's reply and idle status arrived (kernel.run waits
    # for both): only requests that were already waiting when a cell failed may be aborted.
    statuses = [kernel.run(f'throw new IllegalStateException("fail {i}");')[0]["status"] for i in range(200)]
    assert statuses == ["error"] * 200, [i for i, s in enumerate(statuses) if s != "error"]
    assert kernel.value("1+1") == "2"
