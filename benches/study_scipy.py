"""The scipy side of benches/study.rs: the same 10,000 x 9 x 12 Spearman
matrix with p, Fisher-z 95% CI (variance 1.06/(n-3)) and Holm, in one process;
then Kendall's tau-b of one pair of those columns (10,000 clients, many ties).
Run: python3 benches/study_scipy.py   (needs numpy and scipy)."""
import math
import time

import numpy as np
from scipy import stats

CLIENTS = 10_000
MASK = (1 << 64) - 1


def columns(count, seed):
    state = seed

    def uniform():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        return (state >> 11) / float(1 << 53)

    shared = [uniform() for _ in range(CLIENTS)]
    return [np.array([round(s * 60.0 + uniform() * 40.0) for s in shared]) for _ in range(count)]


def holm(p):
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def study(scores, kpis):
    z = stats.norm.ppf(0.975)
    results, ps = [], []
    for x in scores:
        for y in kpis:
            res = stats.spearmanr(x, y)
            se = math.sqrt(1.06 / (CLIENTS - 3))
            f = math.atanh(res.statistic)
            results.append((res.statistic, res.pvalue, math.tanh(f - z * se), math.tanh(f + z * se)))
            ps.append(res.pvalue)
    return results, holm(np.array(ps))


def timed(what, work, repeat=10):
    work()  # warm-up
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    runs.sort()
    print(f"scipy {__import__('scipy').__version__}, {what}: median {runs[len(runs) // 2] * 1000:.2f} ms, best {runs[0] * 1000:.2f} ms over {len(runs)} runs")


scores, kpis = columns(9, 1), columns(12, 2)
timed("the study matrix", lambda: study(scores, kpis))
timed("kendalltau, 10,000 pairs", lambda: stats.kendalltau(scores[0], kpis[0], variant="b", method="asymptotic"), 50)
