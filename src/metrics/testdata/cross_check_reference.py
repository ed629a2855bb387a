# Independent reference for src/metrics/cross_check_test.ts: METRICS.md formulas coded
# directly in numpy/scipy, sharing no code with the TypeScript. Run: /usr/bin/python3 cross_check_reference.py > cross_check_reference.json
# Recorded with Python 3.11, numpy 1.24.2, scipy 1.10.1.
import json, math
import numpy as np
from scipy import stats
DEGS = ["gaussian_noise", "motion_blur", "adjust_brightness", "rotation_artifact", "low_dose"]
CAT = {"gaussian_noise": "Noise", "motion_blur": "RB", "adjust_brightness": "Intens", "rotation_artifact": "Motio", "low_dose": "Noise"}
NQ, NM = 60, 12
items = []
for q in range(NQ):
    K = 2 + q % 4
    for sev in (0, 1, 2):
        items.append(dict(q=q, sev=sev, deg=None if sev == 0 else DEGS[q % 5], k=K, answer=q % K))
def votes(m, x):
    it = items[x]
    if (x + 3 * m) % 17 == 0: return []
    T = 1 + (it["q"] + m) % 5
    out = []
    for t in range(T):
        if it["sev"] == 0 and (x + t + m) % 3 != 0: out.append(it["answer"])
        elif it["sev"] == 1 and (x + t + 2 * m) % 4 == 0: out.append(it["answer"])
        else: out.append((x * 7 + t * 13 + m * 5 + (x * m) % 3) % (it["k"] + 1) - 1)
    return out
def score(m):
    rows = []
    for x, it in enumerate(items):
        v = votes(m, x)
        if not v: rows.append(None); continue
        K, T = it["k"], len(v)
        parsed = [c for c in v if c >= 0]
        V = len(parsed)
        correct = sum(c == it["answer"] for c in v) / T
        if V == 0: conf = 0.0
        else:
            q = np.array([parsed.count(i) / V for i in range(K)])
            H = -sum(p * math.log(p) for p in q if p > 0)
            conf = V / T * min(1, max(0, 1 - H / math.log(K)))
        p = np.array([v.count(i) / T for i in range(K)])
        onehot = np.zeros(K); onehot[it["answer"]] = 1
        brier = float(((p - onehot) ** 2).sum())
        rows.append(dict(correct=correct, conf=conf, brier=brier))
    return rows
def mean(xs): return float(np.mean(xs)) if xs else None
out = {"models": []}
points = {0: [], 2: []}
for m in range(NM):
    s = score(m)
    res = {}
    for L in (0, 1, 2):
        idx = [x for x, it in enumerate(items) if it["sev"] == L and s[x] is not None]
        acc = mean([s[x]["correct"] for x in idx]); conf = mean([s[x]["conf"] for x in idx])
        res[f"acc{L}"] = acc; res[f"conf{L}"] = conf; res[f"dcalib{L}"] = conf - acc
        res[f"brier{L}"] = mean([s[x]["brier"] for x in idx])
        # ECE with 10 bins, bin = min(9, floor(c*10 + 1e-9))
        bins = {}
        for x in idx:
            b = min(9, math.floor(s[x]["conf"] * 10 + 1e-9)); bins.setdefault(b, []).append(x)
        res[f"ece{L}"] = sum(len(xs) / len(idx) * abs(mean([s[x]["correct"] for x in xs]) - mean([s[x]["conf"] for x in xs])) for xs in bins.values())
        if L in points: points[L].append((acc, conf - acc))
    drops = {}
    for cat in ["Noise", "RB", "Intens", "Motio"]:
        sl = [x for x, it in enumerate(items) if it["deg"] and CAT[it["deg"]] == cat and s[x] is not None]
        qs = {items[x]["q"] for x in sl}
        base = [x for x, it in enumerate(items) if it["sev"] == 0 and it["q"] in qs and s[x] is not None]
        b = mean([s[x]["correct"] for x in base])
        for lv in ("1", "2", "L12"):
            sel = [x for x in sl if lv == "L12" or items[x]["sev"] == int(lv)]
            drops[f"{cat}/{lv}"] = mean([s[x]["correct"] for x in sel]) - b
    res["drops"] = drops
    out["models"].append(res)
for L in (0, 2):
    acc = np.array([p[0] for p in points[L]]); dc = np.array([p[1] for p in points[L]])
    pairs = holding = 0
    for i in range(NM):
        for j in range(NM):
            if round(acc[i], 12) < round(acc[j], 12):
                pairs += 1
                holding += round(dc[i], 12) > round(dc[j], 12)
    sp = stats.spearmanr(acc, dc); kt = stats.kendalltau(acc, dc, method="asymptotic")
    out[f"inter{L}"] = dict(pairs=int(pairs), holding=int(holding), rho=float(sp.statistic), pRho=float(sp.pvalue), tau=float(kt.statistic), pTau=float(kt.pvalue))
print(json.dumps(out, indent=1))
