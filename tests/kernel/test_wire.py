"""The wire (issue #10): correctly signed messages holding anything in any field never kill the kernel or
any of its threads; a request that can be answered gets an error reply naming the bad field; a replayed
message is refused. Order is proven by the protocol: a marker request sent after the bad one is answered
after it, on the same socket."""
import json
import random
import threading

import pytest
import zmq

from wire import RawChannel, header_of

# Header fields broken one at a time: each request still names its type, so it is answered with an error.
BAD_HEADERS = [
    {"session": None}, {"session": 7}, {"msg_id": None}, {"msg_id": {"a": 1}}, {"username": []},
    {"date": 3}, {"version": False},
]
# Content a client may send wrongly typed, per request type; each gets an error reply naming the field.
BAD_CONTENT = [
    ("execute_request", {"code": 5}, "content.code"),
    ("execute_request", {"code": None}, "content.code"),
    ("execute_request", {}, "content.code"),
    ("execute_request", {"code": "1", "silent": "yes"}, "content.silent"),
    ("execute_request", {"code": "1", "store_history": 1}, "content.store_history"),
    ("execute_request", {"code": "1", "user_expressions": [1]}, "content.user_expressions"),
    ("execute_request", {"code": "1", "user_expressions": {"a": 5}}, "content.user_expressions.a"),
    ("execute_request", {"code": "1", "stop_on_error": {}}, "content.stop_on_error"),
    ("execute_request", {"code": "1", "allow_stdin": "no"}, "content.allow_stdin"),
    ("complete_request", {"code": None, "cursor_pos": 0}, "content.code"),
    ("complete_request", {"code": "Mat", "cursor_pos": "3"}, "content.cursor_pos"),
    ("complete_request", {"code": "Mat", "cursor_pos": 1.5}, "content.cursor_pos"),
    ("inspect_request", {"code": "Math", "cursor_pos": 2, "detail_level": "x"}, "content.detail_level"),
    ("is_complete_request", {"code": 1}, "content.code"),
    ("history_request", {"hist_access_type": 3}, "content.hist_access_type"),
    ("history_request", {"hist_access_type": "tail", "n": "x"}, "content.n"),
    ("history_request", {"hist_access_type": "range", "start": [], "stop": 2}, "content.start"),
    ("history_request", {"hist_access_type": "tail", "n": 2, "output": "yes"}, "content.output"),
    ("comm_info_request", [], None),  # content not an object: malformed, only logged (no reply)
]


def _marker(channel):
    return channel.request("kernel_info_request", {})


def _exchange(channel, send):
    """Sends a bad message, then a kernel_info marker; returns the replies that came before the marker's."""
    send()
    return channel.replies_until(_marker(channel))


def _assert_invalid(replies, reply_type, field):
    assert len(replies) == 1, replies
    r = replies[0]
    assert r["msg_type"] == reply_type, r
    assert r["content"]["status"] == "error" and r["content"]["ename"] == "InvalidRequest", r
    assert field in r["content"]["evalue"], r


@pytest.mark.parametrize("port", ["shell_port", "control_port"])
def test_bad_header_fields_get_an_error_reply(kernel, port):
    channel = RawChannel(kernel, port)
    try:
        for broken in BAD_HEADERS:
            replies = _exchange(channel, lambda: channel.request("kernel_info_request", {}, **broken))
            _assert_invalid(replies, "kernel_info_reply", "header." + next(iter(broken)))
        # No msg_type at all, or not a string: there is no reply type to answer with; logged and dropped.
        for msg_type in (None, 5, ""):
            replies = _exchange(channel, lambda: channel.request(msg_type, {}))
            assert replies == []
        # Frames that are not JSON objects: dropped, never parsed further.
        for header in ([], "text", None, b"\xff\xfe not json"):
            assert _exchange(channel, lambda: channel.send_frames(header)) == []
    finally:
        channel.close()
    assert kernel.value("6*7") == "42"


def test_badly_typed_content_gets_an_error_reply_naming_the_field(kernel):
    channel = RawChannel(kernel, "shell_port")
    try:
        for msg_type, content, field in BAD_CONTENT:
            replies = _exchange(channel, lambda: channel.request(msg_type, content))
            if field is None:
                assert replies == []
            else:
                _assert_invalid(replies, msg_type.replace("_request", "_reply"), field)
        # A request type the kernel does not know: logged, no reply.
        assert _exchange(channel, lambda: channel.request("frobnicate_request", {})) == []
    finally:
        channel.close()
    assert kernel.value("6*7") == "42"


@pytest.mark.parametrize("cursor", [-1, 4, 1000])
def test_cursor_outside_the_code_is_an_error_not_an_internal_exception(kernel, cursor):
    channel = RawChannel(kernel, "shell_port")
    try:
        for msg_type in ("complete_request", "inspect_request"):
            replies = _exchange(channel, lambda: channel.request(msg_type, {"code": "Mat", "cursor_pos": cursor}))
            _assert_invalid(replies, msg_type.replace("_request", "_reply"), "cursor_pos")
            assert "from 0 to 3" in replies[0]["content"]["evalue"]
            assert "IndexOutOfBounds" not in json.dumps(replies)
    finally:
        channel.close()


def test_cursor_counts_unicode_code_points(kernel):
    # The protocol counts code points; "😀" is one code point but two UTF-16 units in Java.
    code = 'String s = "😀"; Mat'
    reply = kernel.shell_reply(kernel.kc.complete(code, len(code)))
    assert reply["status"] == "ok" and "Math" in reply["matches"], reply
    assert (reply["cursor_start"], reply["cursor_end"]) == (len(code) - 3, len(code)), reply


def test_history_with_bad_arguments_is_an_error_or_empty(kernel):
    kernel.run("int historyMarker = 1;")
    channel = RawChannel(kernel, "shell_port")
    try:
        replies = _exchange(channel, lambda: channel.request("history_request",
                                                             {"hist_access_type": "tail", "n": -5}))
        _assert_invalid(replies, "history_reply", "content.n")
        replies = _exchange(channel, lambda: channel.request("history_request",
                                                             {"hist_access_type": "sideways"}))
        _assert_invalid(replies, "history_reply", "hist_access_type")
        replies = _exchange(channel, lambda: channel.request("history_request", {
            "hist_access_type": "range", "session": 0, "start": 10**6, "stop": -3}))
        assert replies[0]["content"] == {"status": "ok", "history": []}, replies
    finally:
        channel.close()


def test_a_replayed_message_runs_once(kernel):
    kernel.run("int replayed = 0;")
    channel = RawChannel(kernel, "shell_port")
    try:
        header = header_of("execute_request")
        content = {"code": "replayed++;", "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        frames = channel.send_frames(header, content=content)
        channel.socket.send_multipart(frames)  # the same signed bytes again
        replies = channel.replies_until(_marker(channel))
        assert [r["parent"]["msg_id"] for r in replies] == [header["msg_id"]], replies
    finally:
        channel.close()
    assert kernel.value("replayed") == "1"


def _fuzz_value(rng, depth=0):
    choices = [None, True, False, 0, -1, 2**40, 1.5, "", "x" * rng.randint(1, 300), "\u0000\ud7ff😀",
               [], {}, [1, "a", None]]
    if depth < 2:
        choices.append({rng.choice(["code", "cursor_pos", "n", "session", "msg_type", "value", "comm_id",
                                    "restart", "target_name"]): _fuzz_value(rng, depth + 1)})
    return rng.choice(choices)


def _fuzz(kernel, port, rng, count):
    types = ["execute_request", "complete_request", "inspect_request", "is_complete_request", "history_request",
             "kernel_info_request", "comm_info_request", "comm_open", "comm_msg", "comm_close", "input_reply",
             "shutdown_request", "interrupt_request", "nonsense", None, 3]
    fields = ["code", "cursor_pos", "detail_level", "silent", "store_history", "user_expressions", "allow_stdin",
              "stop_on_error", "hist_access_type", "n", "start", "stop", "session", "output", "raw", "pattern",
              "unique", "comm_id", "target_name", "data", "value", "restart"]
    channel = RawChannel(kernel, port)
    try:
        for _ in range(count):
            header = header_of(rng.choice(types))
            if header["msg_type"] == "shutdown_request":
                header["msg_type"] = "kernel_info_request"  # shutdown is proven last, on purpose
            for key in rng.sample(list(header), rng.randint(0, 2)):
                header[key] = _fuzz_value(rng)
            content = {k: _fuzz_value(rng) for k in rng.sample(fields, rng.randint(0, 5))}
            if header.get("msg_type") == "execute_request" and isinstance(content.get("code"), str):
                content["code"] = "1"  # fuzz the protocol, not Java
            parent = rng.choice([{}, {"msg_id": _fuzz_value(rng)}, header_of("execute_request")])
            channel.send_frames(header, parent=parent, content=content)
        if port != "stdin_port":
            channel.replies_until(_marker(channel), timeout=120)
    finally:
        channel.close()


def _other_channels_garbage(kernel):
    info = kernel.km.get_connection_info()
    ctx = zmq.Context.instance()
    hb = ctx.socket(zmq.DEALER)
    hb.setsockopt(zmq.LINGER, 0)
    hb.connect(f"tcp://{info['ip']}:{info['hb_port']}")
    for frames in ([b"", b"ping"], [b"no-delimiter"], [b"", b"a", b"b", b"c"]):
        hb.send_multipart(frames)
    hb.close()
    iopub = ctx.socket(zmq.XSUB)
    iopub.setsockopt(zmq.LINGER, 0)
    iopub.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
    for frames in ([b"\x01"], [b"\x00garbage"], [b"\x02\x03", b"more"]):
        iopub.send_multipart(frames)
    iopub.close()


def test_fuzzed_messages_on_every_channel_then_interrupt_a_cell_and_shutdown_work(fresh_kernel):
    k = fresh_kernel
    rng = random.Random(10)
    for port in ("shell_port", "control_port", "stdin_port"):
        _fuzz(k, port, rng, 150)
    _other_channels_garbage(k)
    assert k.kc.is_alive()  # the heartbeat still answers
    assert_stdin_cell_and_interrupt_and_shutdown_work(k)


def assert_stdin_cell_and_interrupt_and_shutdown_work(k):
    """After whatever was sent: input over stdin, a cell, an interrupt on control, and shutdown all work."""
    msg_id = k.kc.execute('readLine("name?")', allow_stdin=True)
    request = k.kc.get_stdin_msg(timeout=60)
    assert request["content"]["prompt"] == "name?", request
    k.kc.input("Ada")
    reply, outputs = k.collect(msg_id)
    assert [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ['Ada'], outputs
    assert k.value("1+1") == "2"
    msg_id = k.kc.execute('display("running"); while (true) { }')
    k.wait_for_output(msg_id, "display_data")  # the cell is running: now interrupt it
    k.km.interrupt_kernel()
    reply, _ = k.collect(msg_id)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    reply, outputs = k.run('System.out.println("still here");')
    assert k.stdout(outputs) == "still here\n"
    # Shutdown (on control) is answered and the process ends by itself.
    k.kc.shutdown()
    reply = k.kc.get_control_msg(timeout=60)
    assert reply["msg_type"] == "shutdown_reply" and reply["content"]["status"] == "ok", reply
    assert k.km.provisioner.process.wait(timeout=60) == 0
