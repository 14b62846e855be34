#!/usr/bin/env python3
"""Abuse run against a running cmas (see scripts/abuse.sh, which starts one).

Black box: only HTTP (and raw TCP) to the --base address, which must be on
127.0.0.1, and the server's memory read from /proc/PID/status. Phases:

  1. baseline memory;
  2. 200 parallel logins with a wrong password, then the right one;
  3. thousands of slow request bodies held open while /healthz is probed;
  4. requests with made-up methods to random paths, then /metrics' size;
  5. oversized questionnaires and KPI CSV files, 12 of each in parallel;
  6. the data page and the dashboard, 12 in parallel, three rounds;
  7. an idle wait, then memory again.

Each phase prints one line; a table of memory and the figures for the README
follow. Every loop is bounded in count and in time, every request has a
timeout, and a failed request is counted, never raised.

Python 3 standard library only.
"""

import argparse
import asyncio
import http.client
import json
import os
import random
import resource
import select
import socket
import statistics
import string
import sys
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

LOGIN = "/api/v1/auth/login"
CONSULTANT = ("consultant@demo.cmas", "demo-consultant-pass")
ADMIN = ("admin@demo.cmas", "demo-admin-pass")
MIB = 1024 * 1024

HOST = "127.0.0.1"
PORT = 0
PID = 0


# ---------------------------------------------------------------- helpers


def say(line):
    print(line, flush=True)


def memory():
    """(VmRSS, VmHWM) of the server in MiB, or None once it is gone."""
    try:
        with open(f"/proc/{PID}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        rss = int(fields["VmRSS"].split()[0]) / 1024
        hwm = int(fields["VmHWM"].split()[0]) / 1024
        return rss, hwm
    except (OSError, KeyError, ValueError):
        return None


def lazy_free():
    """MiB of the RSS the allocator has given back with MADV_FREE: still
    counted until the kernel needs the memory. None if unknown."""
    try:
        with open(f"/proc/{PID}/smaps_rollup") as f:
            for line in f:
                if line.startswith("LazyFree:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def server_alive():
    try:
        with open(f"/proc/{PID}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def errname(e):
    return "error:" + type(e).__name__


def request(method, path, body=None, headers=None, timeout=30):
    """One request on a fresh connection: (status, headers message, body).

    Raises on a transport failure; callers that count failures catch."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.msg, resp.read()
    finally:
        conn.close()


def login(email, password):
    """Logs in: (session cookie value, CSRF token); raises unless 200."""
    body = json.dumps({"email": email, "password": password})
    status, msg, data = request(
        "POST", LOGIN, body, {"Content-Type": "application/json"}, timeout=60
    )
    if status != 200:
        raise RuntimeError(f"login {email}: {status} {data[:200]!r}")
    cookie = None
    for header in msg.get_all("Set-Cookie") or []:
        name, _, value = header.split(";", 1)[0].partition("=")
        if name.strip() == "cmas_session":
            cookie = value.strip()
    if not cookie:
        raise RuntimeError(f"login {email}: no cmas_session cookie")
    return cookie, json.loads(data)["csrf_token"]


def api_token(cookie, csrf, name):
    status, _, data = request(
        "POST",
        "/api/v1/tokens",
        json.dumps({"name": name}),
        {
            "Content-Type": "application/json",
            "Cookie": f"cmas_session={cookie}",
            "X-CSRF-Token": csrf,
        },
    )
    if status not in (200, 201):
        raise RuntimeError(f"token {name}: {status} {data[:200]!r}")
    return json.loads(data)["token"]


def raw_request(method, path, headers, body, timeout=60):
    """A request over a raw socket that reads while it sends, so an answer
    given before the body is all sent (413) is seen rather than lost to a
    broken pipe. Returns (status or "error:…", response bytes, seconds)."""
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nConnection: close\r\n"
    head += f"Content-Length: {len(body)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    out = memoryview(head.encode() + body)
    sent, answer, note = 0, b"", None
    started = time.monotonic()
    deadline = started + timeout
    try:
        sock = socket.create_connection((HOST, PORT), timeout=5)
    except OSError as e:
        return errname(e), b"", time.monotonic() - started
    try:
        sock.setblocking(False)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                note = "error:timeout"
                break
            sending = sent < len(out) and not answer and note is None
            readable, writable, _ = select.select([sock], [sock] if sending else [], [], min(left, 1.0))
            if writable:
                try:
                    sent += sock.send(out[sent : sent + 65536])
                except BlockingIOError:
                    pass
                except OSError:
                    note = "stopped sending"  # the server closed its side: read what it said
            if readable:
                try:
                    chunk = sock.recv(65536)
                except BlockingIOError:
                    continue
                except OSError as e:
                    note = errname(e)
                    break
                if not chunk:
                    break
                answer += chunk
                if complete(answer):
                    break
    finally:
        sock.close()
    elapsed = time.monotonic() - started
    status = status_of(answer)
    return (status if status is not None else (note or "error:no answer")), answer, elapsed


def status_of(answer):
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def complete(answer):
    """Whether a response with a Content-Length has all of its body."""
    head, sep, rest = answer.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return len(rest) >= int(value.strip())
            except ValueError:
                return False
    return False


def counts(counter):
    """'5×401 195×429' in status order (errors last)."""
    keys = sorted(counter, key=lambda k: (isinstance(k, str), str(k)))
    return " ".join(f"{counter[k]}×{k}" for k in keys) or "none"


def quantile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ms(seconds):
    if seconds != seconds:  # NaN
        return "n/a"
    value = seconds * 1000
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def kib(n):
    return f"{n / 1024:.0f} KiB" if n < MIB else f"{n / MIB:.1f} MiB"


# ---------------------------------------------------------------- phases


def phase_logins(summary):
    n = 200
    barrier = threading.Barrier(n, timeout=30)
    wrong = json.dumps({"email": CONSULTANT[0], "password": "not-the-password"})

    def one(_):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=90)
        try:
            conn.connect()
            try:
                barrier.wait()  # all 200 sent at once
            except threading.BrokenBarrierError:
                pass
            conn.request("POST", LOGIN, body=wrong, headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            return resp.status
        except Exception as e:
            return errname(e)
        finally:
            conn.close()

    started = time.monotonic()
    with ThreadPoolExecutor(n) as pool:
        statuses = Counter(pool.map(one, range(n)))
    took = time.monotonic() - started
    try:
        status, msg, _ = request(
            "POST",
            LOGIN,
            json.dumps({"email": CONSULTANT[0], "password": CONSULTANT[1]}),
            {"Content-Type": "application/json"},
            timeout=60,
        )
        right = str(status)
        if msg.get("Retry-After"):
            right += f", Retry-After {msg.get('Retry-After')} s"
    except Exception as e:
        right = errname(e)
    summary["logins"] = f"logins {counts(statuses)} (right password: {right.split(',')[0]})"
    return f"{n} parallel wrong passwords: {counts(statuses)} in {took:.1f} s; then the right one: {right}"


def phase_slow_bodies(summary, n, probe_seconds):
    head = (
        f"POST {LOGIN} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Type: application/json\r\n"
        "Content-Length: 200000\r\n\r\n{"
    ).encode()
    result = asyncio.run(slow_bodies(head, n, probe_seconds))
    opened, answers, probes, failed = result
    # The headline: probes sent while every slow body was still open (the
    # server cuts them off after a few seconds; the window goes on after).
    first_close = min((a[3] for a in answers if a[2]), default=float("inf"))
    during = [(ok, t) for ok, t, at in probes if at < first_close]
    during_lat = [t for ok, t in during if ok]
    during_failed = sum(1 for ok, _ in during if not ok)
    lat = [t for ok, t, _ in probes if ok]
    answered = [a for a in answers if a[0] is not None]
    status408 = [a for a in answers if a[0] == 408]
    closed = sum(1 for a in answers if a[2])
    other = Counter(a[0] for a in answered if a[0] != 408)
    silent_close = sum(1 for a in answers if a[0] is None and a[2])
    median_after = statistics.median(a[1] for a in status408) if status408 else float("nan")
    summary["healthz"] = (
        f"healthz during {opened} slow bodies p50 {ms(quantile(during_lat, 0.5))} ms "
        f"p99 {ms(quantile(during_lat, 0.99))} ms max {ms(max(during_lat) if during_lat else float('nan'))} ms, "
        f"{during_failed} failed"
    )
    summary["slow"] = (
        f"slow bodies answered 408: {len(status408)}/{n} after ~{median_after:.1f} s median"
    )
    extra = ""
    if other:
        extra += f", other answers {counts(other)}"
    if silent_close:
        extra += f", {silent_close} closed without an answer"
    return (
        f"{opened}/{n} slow bodies opened; /healthz ×{len(probes)} over {probe_seconds} s: "
        f"p50 {ms(quantile(lat, 0.5))} ms, p99 {ms(quantile(lat, 0.99))} ms, "
        f"max {ms(max(lat) if lat else float('nan'))} ms, {failed} failed "
        f"({len(during)} of them while all were open: p50 {ms(quantile(during_lat, 0.5))} ms, "
        f"max {ms(max(during_lat) if during_lat else float('nan'))} ms, {during_failed} failed); "
        f"answered 408 {len(status408)}, closed by the server {closed}, "
        f"408 after {median_after:.1f} s median{extra}"
    )


async def slow_bodies(head, n, probe_seconds):
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(200)  # connects in flight at once
    stop = asyncio.Event()

    async def open_one():
        async with gate:
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), 10)
            except (OSError, asyncio.TimeoutError):
                return None
            try:
                writer.write(head)
                await asyncio.wait_for(writer.drain(), 5)
            except (OSError, asyncio.TimeoutError):
                writer.close()
                return None
            return reader, writer, time.monotonic()

    async def read_answer(reader, opened):
        """(status or None, seconds after opening to the answer, closed by
        the server, when it closed)."""
        data, first = b"", None
        try:
            while len(data) < 65536:
                chunk = await reader.read(4096)
                if not chunk:
                    now = time.monotonic()
                    return status_of(data), (first or now) - opened, True, now
                if first is None:
                    first = time.monotonic()
                data += chunk
        except (OSError, asyncio.IncompleteReadError):
            now = time.monotonic()
            return status_of(data), (first or now) - opened, True, now
        return status_of(data), (first or time.monotonic()) - opened, False, float("inf")

    async def trickle(reader, writer, opened):
        answer = asyncio.ensure_future(read_answer(reader, opened))
        stopping = asyncio.ensure_future(stop.wait())
        try:
            while not answer.done() and not stop.is_set():
                await asyncio.wait({answer, stopping}, timeout=2.0, return_when=asyncio.FIRST_COMPLETED)
                if answer.done() or stop.is_set():
                    break
                try:
                    writer.write(b" ")  # one byte every 2 s
                    await asyncio.wait_for(writer.drain(), 2)
                except (OSError, asyncio.TimeoutError):
                    break
            if not answer.done():
                await asyncio.wait({answer, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if answer.done() and not answer.cancelled():
                return answer.result()
            answer.cancel()
            return None, time.monotonic() - opened, False, float("inf")
        finally:
            stopping.cancel()
            writer.close()

    try:
        conns = await asyncio.wait_for(asyncio.gather(*(open_one() for _ in range(n))), 90)
    except asyncio.TimeoutError:
        conns = []
    conns = [c for c in conns if c]
    tasks = [asyncio.ensure_future(trickle(*c)) for c in conns]
    # /healthz from a thread of its own, fresh connection each time.
    probes = await loop.run_in_executor(None, probe_healthz, probe_seconds)
    # A little longer for the slow bodies still waiting for their answer.
    until = time.monotonic() + 5
    while time.monotonic() < until and not all(t.done() for t in tasks):
        await asyncio.sleep(0.2)
    stop.set()
    answers = []
    if tasks:
        done, pending = await asyncio.wait(tasks, timeout=10)
        for t in pending:
            t.cancel()
        for t in tasks:
            if t in done and not t.cancelled() and t.exception() is None:
                answers.append(t.result())
            else:
                answers.append((None, float("nan"), False, float("inf")))
    await asyncio.sleep(0)
    failed = sum(1 for ok, _, _ in probes if not ok)
    return len(conns), answers, probes, failed


def probe_healthz(seconds):
    """(ok, seconds, sent at) for a GET /healthz every 100 ms, each on a fresh connection."""
    probes = []
    end = time.monotonic() + seconds
    tick = time.monotonic()
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            status, _, _ = request("GET", "/healthz", timeout=2)
            probes.append((status == 200, time.monotonic() - started, started))
        except Exception:
            probes.append((False, time.monotonic() - started, started))
        tick += 0.1
        time.sleep(max(0.0, tick - time.monotonic()))
    return probes


def random_method():
    letters = "".join(random.choices(string.ascii_uppercase, k=random.randint(3, 8)))
    return letters + "".join(random.choices(string.digits, k=random.randint(0, 4)))


KNOWN_PATHS = ["/", "/data", "/healthz", "/metrics", "/api/v1/clients", "/api/v1/assessments/1",
               "/api/v1/questionnaires", "/api/v1/kpis/values.csv", LOGIN]


def random_path():
    token = lambda k: "".join(random.choices(string.ascii_lowercase + string.digits, k=k))
    kind = random.random()
    if kind < 0.4:
        return "/" + token(random.randint(1, 12)) + "/" + token(random.randint(1, 12))
    if kind < 0.7:
        return f"/api/v1/{token(6)}/{random.randint(1, 10**9)}?{token(3)}={token(5)}"
    return random.choice(KNOWN_PATHS)


def phase_methods(summary, n, admin_token, limit_seconds):
    workers = 16
    deadline = time.monotonic() + limit_seconds

    def worker(count):
        seen, reconnects = Counter(), 0
        conn = None
        for _ in range(count):
            if time.monotonic() > deadline:
                break
            if conn is None:
                conn = http.client.HTTPConnection(HOST, PORT, timeout=5)
            try:
                conn.request(random_method(), random_path())
                resp = conn.getresponse()
                resp.read()
                seen[resp.status] += 1
                if resp.will_close:
                    conn.close()
                    conn, reconnects = None, reconnects + 1
            except Exception as e:
                seen[errname(e)] += 1
                conn.close()
                conn, reconnects = None, reconnects + 1
        if conn is not None:
            conn.close()
        return seen, reconnects

    started = time.monotonic()
    shares = [n // workers + (1 if i < n % workers else 0) for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(worker, shares))
    took = time.monotonic() - started
    statuses = sum((r[0] for r in results), Counter())
    reconnects = sum(r[1] for r in results)
    sent = sum(statuses.values())
    try:
        status, _, text = request("GET", "/metrics", headers={"Authorization": f"Bearer {admin_token}"})
        lines = text.decode("utf-8", "replace").splitlines()
        series = [l for l in lines if l.startswith("cmas_http_request_duration_seconds_count{")]
        other = [l for l in series if 'method="other"' in l]
        metrics = f"/metrics {status}: {len(series)} series ({len(other)} method=\"other\"), {kib(len(text))}"
        summary["metrics"] = f"/metrics after {sent} made-up methods: {len(series)} series, {kib(len(text))}"
    except Exception as e:
        metrics = f"/metrics {errname(e)}"
        summary["metrics"] = f"/metrics after {sent} made-up methods: {errname(e)}"
    return (
        f"{sent}/{n} made-up methods in {took:.1f} s ({sent / took:.0f}/s): {counts(statuses)}, "
        f"{reconnects} reconnects; {metrics}"
    )


WORDS = ("customer value segment plan channel evidence record practice review budget owner "
         "process measure target report policy team data contact retention").split()


def text(k):
    return " ".join(random.choices(WORDS, k=k)).capitalize() + "."


def questionnaire(ident, questions, words):
    """A questionnaire in cmas's TOML format: `questions` questions, 100 to a
    sub-area and ten sub-areas to an area, texts of `words` words."""
    out = [
        f'id = "{ident}"', 'version = "1.0.0"', f'title = "Abuse {ident}"', f'description = "{text(8)}"',
        "", "[scale]", "min = 0", "max = 10", f'intention = "{text(8)}"', f'reality = "{text(8)}"',
        "intention_weight = 0.5", "",
    ]
    q = 0
    area = 0
    while q < questions:
        area += 1
        out += ["[[areas]]", f'id = "A{area}"', f'name = "Area {area}"', "weight = 1.0", ""]
        for sub in range(1, 11):
            if q >= questions:
                break
            out += ["[[areas.sub_areas]]", f'id = "A{area}.{sub}"', f'name = "Sub-area {area}.{sub}"',
                    "weight = 1.0", ""]
            for i in range(1, 101):
                if q >= questions:
                    break
                q += 1
                out += [
                    "[[areas.sub_areas.questions]]", f'id = "A{area}.{sub}.{i}"',
                    f'practice = "{text(words)}"', "weight = 1.0", "",
                    "[areas.sub_areas.questions.guidance]", f'low = "{text(words)}"',
                    f'middle = "{text(words)}"', f'high = "{text(words)}"', "",
                ]
    return "\n".join(out).encode()


def kpi_csv(rows):
    lines = ["client,kpi,period,value"]
    for i in range(rows):
        lines.append(f"Client {i % 48},KPI {i % 12},2025-{i % 12 + 1:02d},{random.uniform(-50, 150):.2f}")
    return ("\n".join(lines) + "\n").encode()


def problem_code(answer):
    """The `code` of a problem document in a raw answer, or ''."""
    try:
        body = json.loads(answer.partition(b"\r\n\r\n")[2])
        code = body.get("code", "")
        first = (body.get("errors") or [{}])[0].get("message", "")
        return f"{code}: {first[:60]}" if first else code
    except (ValueError, AttributeError, IndexError):
        return ""


def phase_uploads(summary, bearer):
    words = 40
    big = questionnaire("abuse-big", 1000, words)
    while len(big) < 2 * MIB and words < 1000:  # just over 2 MiB
        words = int(words * 2 * MIB / len(big)) + 1
        big = questionnaire("abuse-big", 1000, words)
    many = questionnaire("abuse-many", 1100, 4)
    assert len(many) < MIB, len(many)
    csv = kpi_csv(60_000)
    auth = {"Authorization": f"Bearer {bearer}"}
    jobs = (
        [("2 MiB TOML", "/api/v1/questionnaires", {**auth, "Content-Type": "application/toml"}, big)] * 12
        + [("1,100 questions", "/api/v1/questionnaires", {**auth, "Content-Type": "application/toml"}, many)] * 12
        + [("60,000-row CSV", "/api/v1/kpis/values.csv", {**auth, "Content-Type": "text/csv"}, csv)] * 12
    )
    random.shuffle(jobs)
    # Meanwhile /readyz, which needs a blocking thread and a database read,
    # as every API call does (/healthz needs neither).
    done = threading.Event()

    def probe_ready():
        probes = []
        while not done.is_set() and len(probes) < 3000:
            started = time.monotonic()
            try:
                status, _, _ = request("GET", "/readyz", timeout=5)
                probes.append((status == 200, time.monotonic() - started))
            except Exception:
                probes.append((False, time.monotonic() - started))
            done.wait(0.1)
        return probes

    started = time.monotonic()
    with ThreadPoolExecutor(len(jobs) + 1) as pool:
        ready = pool.submit(probe_ready)
        try:
            results = list(pool.map(lambda j: (j[0], raw_request("POST", j[1], j[2], j[3], timeout=120)), jobs))
        finally:
            done.set()
        probes = ready.result()
    took = time.monotonic() - started
    parts = []
    for kind, size in (("2 MiB TOML", len(big)), ("1,100 questions", len(many)), ("60,000-row CSV", len(csv))):
        mine = [r for k, r in results if k == kind]
        statuses = Counter(r[0] for r in mine)
        slowest = max(r[2] for r in mine)
        codes = Counter(problem_code(r[1]) for r in mine)
        code = codes.most_common(1)[0][0] if codes else ""
        answer = max(len(r[1]) for r in mine)
        parts.append(
            f"{kind} ({kib(size)}) {counts(statuses)} [{code}] answer ≤{kib(answer)}, slowest {slowest:.1f} s"
        )
    lat = [t for ok, t in probes if ok]
    failed = sum(1 for ok, _ in probes if not ok)
    ready_line = (
        f"/readyz meanwhile ×{len(probes)}: p50 {ms(quantile(lat, 0.5))} ms, "
        f"max {ms(max(lat) if lat else float('nan'))} ms, {failed} failed"
    )
    summary["uploads"] = f"uploads 36 in {took:.1f} s"
    return "; ".join(parts) + f"; all 36 in {took:.1f} s; {ready_line}"


def phase_pages(summary, cookie):
    headers = {"Cookie": f"cmas_session={cookie}"}

    def get(path):
        started = time.monotonic()
        try:
            status, _, body = request("GET", path, headers=headers, timeout=60)
            return status, len(body), time.monotonic() - started
        except Exception as e:
            return errname(e), 0, time.monotonic() - started

    parts = []
    with ThreadPoolExecutor(12) as pool:
        for path in ("/data", "/"):
            results = []
            for _ in range(3):
                results += list(pool.map(get, [path] * 12))
            statuses = Counter(r[0] for r in results)
            sizes = sorted({r[1] for r in results if r[1]})
            size = kib(sizes[-1]) if sizes else "0"
            lat = [r[2] for r in results]
            parts.append(
                f"{path} {counts(statuses)}, {size}{' (sizes differ)' if len(sizes) > 1 else ''}, "
                f"p50 {ms(quantile(lat, 0.5))} ms, max {ms(max(lat))} ms"
            )
    return "12 in parallel × 3 rounds: " + "; ".join(parts)


# ---------------------------------------------------------------- main


def main():
    global HOST, PORT, PID
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--pid", required=True, type=int, help="the server's process id")
    parser.add_argument("--quick", action="store_true", help="fewer connections and requests, shorter waits")
    args = parser.parse_args()
    base = urllib.parse.urlsplit(args.base)
    if base.scheme != "http" or base.hostname != "127.0.0.1" or not base.port:
        sys.exit("abuse.py: --base must be http://127.0.0.1:PORT (this run talks to loopback only)")
    HOST, PORT, PID = base.hostname, base.port, args.pid
    if memory() is None:
        sys.exit(f"abuse.py: no process {PID} to read memory from")

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        pass
    quick = args.quick
    slow_n = 200 if quick else 2000
    if slow_n + 100 > resource.getrlimit(resource.RLIMIT_NOFILE)[0]:
        slow_n = max(10, resource.getrlimit(resource.RLIMIT_NOFILE)[0] - 100)
        say(f"(only {slow_n} slow bodies: the open-file limit is lower)")
    methods_n = 2000 if quick else 20000
    probe_seconds = 8 if quick else 15
    idle_seconds = 12 if quick else 30

    # Every login and token first: phase 2 throttles the consultant's account.
    admin_cookie, admin_csrf = login(*ADMIN)
    admin_token = api_token(admin_cookie, admin_csrf, "abuse")
    cookie, csrf = login(*CONSULTANT)
    bearer = api_token(cookie, csrf, "abuse")

    summary = {}
    rows = []  # (phase, seconds, rss before, rss after, hwm after)

    def phase(number, name, run):
        before = memory()
        started = time.monotonic()
        try:
            line = run()
        except Exception as e:  # a phase that breaks must not stop the others
            line = f"failed: {errname(e)}: {e}"
        took = time.monotonic() - started
        after = memory()
        say(f"[{number}/7] {name}: {line}")
        rows.append((name, took, before, after, lazy_free()))
        if not server_alive():
            say(f"abuse.py: the server (pid {PID}) is gone after phase {number}")
            report(rows, summary)
            sys.exit(1)

    phase(1, "baseline", lambda: "RSS %.0f MiB, peak %.0f MiB" % memory())
    phase(2, "parallel logins", lambda: phase_logins(summary))
    phase(3, "slow bodies", lambda: phase_slow_bodies(summary, slow_n, probe_seconds))
    phase(4, "made-up methods", lambda: phase_methods(summary, methods_n, admin_token, 60 if quick else 180))
    phase(5, "big uploads", lambda: phase_uploads(summary, bearer))
    phase(6, "big pages", lambda: phase_pages(summary, cookie))

    def idle():
        time.sleep(idle_seconds)
        return f"{idle_seconds} s idle: RSS %.0f MiB, peak %.0f MiB" % memory()

    phase(7, "idle", idle)
    report(rows, summary)


def report(rows, summary):
    say("")
    say(f"{'phase (MiB)':<17} {'s':>6} {'RSS before':>11} {'RSS after':>10} {'peak after':>11} {'lazy-free':>10}")
    fmt = lambda m, i: f"{m[i]:.0f}" if m else "gone"
    for name, took, before, after, lazy in rows:
        lazy = "?" if lazy is None else f"{lazy:.0f}"
        say(f"{name:<17} {took:>6.1f} {fmt(before, 0):>11} {fmt(after, 0):>10} {fmt(after, 1):>11} {lazy:>10}")
    start = rows[0][2] if rows else None
    end = rows[-1][3] if rows else None
    rss = (
        f"RSS MiB: start {fmt(start, 0)}, peak {fmt(end, 1)}, after idle {fmt(end, 0)}"
        if rows and rows[-1][0] == "idle"
        else f"RSS MiB: start {fmt(start, 0)}, peak {fmt(end, 1)}, last {fmt(end, 0)}"
    )
    parts = [summary[k] for k in ("logins", "healthz", "slow", "metrics") if k in summary] + [rss]
    say("")
    say("abuse run: " + "; ".join(parts))


if __name__ == "__main__":
    main()
