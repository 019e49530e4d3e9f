"""Training in a notebook, through a real jupyter_client: the live progress bar and loss curve update in
place, the stop button stops a fit at a batch boundary without losing the weights or the history, and
fitting again continues from there."""


def test_fit_draws_live_and_updates_in_place(fresh_kernel):
    k = fresh_kernel
    reply, outputs = k.run("Seeds.set(3);\n"
                           "var net = Architectures.leNet5(1, 28, 10).build();\n"
                           "var data = Datasets.fashionMnistSample();\n"
                           "var h = net.fit(data.train()).epochs(2).validation(data.test()).run();", timeout=300)
    assert reply["status"] == "ok", reply
    shown = [c for t, c in outputs if t == "display_data"]
    updates = [c for t, c in outputs if t == "update_display_data"]
    ids = {c.get("transient", {}).get("display_id") for c in shown}
    assert any("image/png" in c["data"] for c in shown + updates), "a loss chart is drawn"
    assert any("text/html" in c["data"] and "epoch" in c["data"]["text/plain"] for c in shown + updates), \
        "an HTML progress bar with a text fallback"
    assert updates and all(c.get("transient", {}).get("display_id") in ids for c in updates), \
        "live updates redraw the displays already shown, in place"
    assert not [t for t, _ in outputs if t == "execute_result"], "a statement ending in ';' shows no Out"
    assert k.value("h.epochCount()") == "2"


def test_interrupting_fit_keeps_weights_and_history_and_fit_continues(fresh_kernel):
    k = fresh_kernel
    reply, _ = k.run("Seeds.set(4);\n"
                     "var net = Architectures.leNet5(1, 28, 10).build();\n"
                     "var data = Datasets.fashionMnistSample();\n"
                     "int afterFit = 0;", timeout=120)
    assert reply["status"] == "ok", reply
    # Interrupted once the live progress display has been redrawn: batches have run by then.
    reply, outputs = k.run_and_interrupt("net.fit(data.train()).epochs(500).run();\nafterFit = 1;",
                                         when="update_display_data", timeout=120)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    assert k.value("afterFit") == "0", "the code after an interrupted fit does not run"
    status = k.value("net.history().status()")
    assert "stopped by interrupt" in status, status
    batches = int(k.value("net.history().batchCount()"))
    assert batches > 0
    # The weights survived the stop: the network still answers, and training continues from there.
    reply, _ = k.run("var more = net.fit(data.train()).epochs(1).progress(false).run();", timeout=120)
    assert reply["status"] == "ok", reply
    assert int(k.value("net.history().batchCount()")) > batches
    accuracy = float(k.value("net.evaluate(data.test()).accuracy()"))
    assert accuracy > 0.3, f"a network trained for several epochs recognises more than chance: {accuracy}"
