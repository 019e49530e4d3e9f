"""Raw ZeroMQ access to a running kernel, for messages no well-behaved client sends: each is signed with
the connection file's key (so the kernel must parse it), and may hold anything in any field."""
import json
import uuid

import zmq

DELIMITER = b"<IDS|MSG>"


class RawChannel:
    """A DEALER socket on one of the kernel's ROUTER channels (shell, control or stdin)."""

    def __init__(self, kernel, port_name):
        info = kernel.km.get_connection_info()
        self.session = kernel.kc.session
        self.socket = zmq.Context.instance().socket(zmq.DEALER)
        self.socket.setsockopt(zmq.IDENTITY, uuid.uuid4().bytes)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.connect(f"{info['transport']}://{info['ip']}:{info[port_name]}")

    def send_frames(self, header, parent=None, metadata=None, content=None):
        """Sends four JSON frames (any JSON, or raw bytes), correctly signed; returns the frames sent."""
        parts = [p if isinstance(p, bytes) else json.dumps(p).encode()
                 for p in (header, {} if parent is None else parent,
                           {"nonce": uuid.uuid4().hex} if metadata is None else metadata,
                           {} if content is None else content)]
        frames = [DELIMITER, self.session.sign(parts)] + parts
        self.socket.send_multipart(frames)
        return frames

    def request(self, msg_type, content, **header_fields):
        header = header_of(msg_type)
        header.update(header_fields)
        self.send_frames(header, content=content)
        return header["msg_id"]

    def replies_until(self, marker_id, timeout=60):
        """Every reply received before the reply to `marker_id` (which ends the wait), in order."""
        before = []
        poller = zmq.Poller()
        poller.register(self.socket, zmq.POLLIN)
        while True:
            if not poller.poll(timeout * 1000):
                raise TimeoutError(f"no reply to {marker_id} within {timeout} s; got {before}")
            frames = self.socket.recv_multipart()
            i = frames.index(DELIMITER)
            header, parent, _, content = (json.loads(f) for f in frames[i + 2:i + 6])
            if parent.get("msg_id") == marker_id:
                return before
            before.append({"msg_type": header["msg_type"], "parent": parent, "content": content})

    def close(self):
        self.socket.close()


def header_of(msg_type):
    return {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": uuid.uuid4().hex,
            "username": "test", "date": "2026-01-01T00:00:00Z", "version": "5.3"}
