#!/usr/bin/env python3
# The remote-image tests' web server (tests/remote_images_test.cpp): serves made-up images and failures on
# 127.0.0.1 at a free port, which it writes to the file named by argv[1] once it listens. Only loopback.
import base64, gzip, http.server, struct, sys, time, zlib


def png(r, g, b):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)  # 2x2, 8-bit RGB
    rows = b"".join(b"\0" + bytes([r, g, b]) * 2 for _ in range(2))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# A 2x2 baseline JPEG (cjpeg), a 1x1 GIF and a 1x1 lossless WebP.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBk"
    "eFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAID"
    "ASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKB"
    "kaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZ"
    "mqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQF"
    "BgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX"
    "2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDrNFtbd9EsGeCJma2jJJQEk7RRRRXnT+Jnk1Pjfqf/2Q==")
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")

# path -> (status, content type, body); the type is what a careless server says, never what mkepub goes by.
FILES = {
    "/a.png": (200, "image/png", png(255, 0, 0)),
    "/b.jpg": (200, "image/jpeg", JPEG),
    "/c.gif": (200, "image/gif", GIF),
    "/d.webp": (200, "image/webp", WEBP),
    "/noext": (200, "application/octet-stream", png(0, 0, 255)),
    "/page.png": (200, "image/png", b"<!DOCTYPE html><html><body>Not found</body></html>"),
    "/big.png": (200, "image/png", png(0, 255, 0) + b"\0" * 200000),
    "/gz.png": (200, "image/png", png(0, 255, 255)),
    "/%E5%9B%BE.png": (200, "image/png", png(255, 255, 0)),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/redirect.png":
            return self.answer(302, "text/plain", b"", {"Location": "/a.png"})
        if path == "/to-file.png":  # a redirect out of HTTP(S), which must not be followed
            return self.answer(302, "text/plain", b"", {"Location": "file:///etc/hostname"})
        if path == "/loop.png":
            return self.answer(302, "text/plain", b"", {"Location": "/loop.png"})
        if path == "/slow.png":
            time.sleep(5)
            return self.answer(200, "image/png", png(1, 2, 3))
        if path not in FILES:
            return self.answer(404, "text/html", b"<html>404</html>")
        status, kind, body = FILES[path]
        if path == "/gz.png" and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self.answer(status, kind, gzip.compress(body, mtime=0), {"Content-Encoding": "gzip"})
        self.answer(status, kind, body)

    def answer(self, status, kind, body, headers={}):
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap): what the tests ask for

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.replace(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
