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
