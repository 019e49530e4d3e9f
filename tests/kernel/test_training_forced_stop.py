"""A stop the training cannot answer in time: the interrupt arrives inside a batch longer than the kernel's
grace period, so the kernel stops the cell's thread by force (Thread.stop, Java 17). The network must come
out consistent: History says it stopped, interrupted() is true, every batch is in an epoch row, and training
continues at the next epoch. Ordered by the protocol: the interrupt is sent after the cell reported its first
batch on stdout."""


def test_a_forced_stop_inside_a_long_batch_leaves_weights_and_history_consistent(fresh_kernel):
    k = fresh_kernel
    reply, _ = k.run("Seeds.set(5);\n"
                     "var net = Cnn.input(1, 28, 28).conv(32, 3).relu().conv(256, 3).relu().maxPool(4)"
                     ".flatten().dense(10).build();\n"
                     "var data = Datasets.fashionMnistSample();\n"
                     "int afterFit = 0;", timeout=120)
    assert reply["status"] == "ok", reply
    code = ("net.fit(data.train()).batchSize(128).epochs(3).progress(false).listener(new FitListener() {\n"
            "    public void onBatch(FitState s, BatchResult b) { System.out.println(\"batch \" + b.step()); }\n"
            "}).run();\nafterFit = 1;")
    msg_id = k.kc.execute(code)
    interrupted = False
    while True:
        m = k.kc.get_iopub_msg(timeout=300)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if not interrupted and m["msg_type"] == "stream" and "batch 1" in m["content"]["text"]:
            k.km.interrupt_kernel()  # batch 2 is running now, several grace periods long
            interrupted = True
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = k.kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = k.kc.get_shell_msg(timeout=60)
    assert interrupted, "the cell reported its first batch"
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted", reply["content"]
    assert k.value("afterFit") == "0"
    status = k.value("net.history().status()")
    assert status.strip('"').startswith(("stopped by force in epoch 1", "stopped by interrupt in epoch 1")), status
    assert k.value("net.history().interrupted()") == "true"
    batches = int(k.value("net.history().batchCount()"))
    in_epochs = int(k.value("net.history().epochs().stream().mapToInt(EpochResult::batches).sum()"))
    assert batches >= 1 and in_epochs == batches, (batches, in_epochs, status)
    epochs = int(k.value("net.history().epochCount()"))
    reply, _ = k.run("var more = net.fit(data.train().take(256)).batchSize(128).epochs(1).progress(false).run();",
                     timeout=300)
    assert reply["status"] == "ok", reply
    assert k.value("more.status()").strip('"') == f"completed 1 epoch (epochs {epochs + 1} to {epochs + 1})"
    assert k.value("Double.isFinite(more.last().loss())") == "true"
