"""pandas reference for bench/load_bench.ts: load a FORMAT.md results
directory with read_csv, run validation-ish checks (the same rules our loader
applies, vectorized), extract letters from responses with the default rule,
then compute every table our `buildTables` builds: accuracy per model x
severity, per model x task and per model x category over L1&L2 with drops,
paired drops per degradation id and per skill (heatmaps), accuracy per
modality, voting confidence, calibration shift, Brier, ECE and reliability
bins per model x level, the intra-model DKE bootstrap (2000 resamples per
model, vectorized with numpy) and the inter-model rank correlations.
Prints one JSON line.
"""
import json
import re
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # pandas may be absent
    print(json.dumps({"skipped": f"cannot import pandas: {e}"}))
    sys.exit(0)

MODALITIES = ["CT", "MRI", "X-ray", "Ultrasound", "Endoscopy", "Histopathology", "Dermoscopy"]
TASK_BOUNDS = [(6, "CU"), (15, "AR"), (19, "IP"), (22, "BS"), (26, "Diag"), (30, "Treat")]
SKILLS = ["Disease Diagnosis", "Severity Grading", "Basic Science Understanding", "Lesion Grading",
          "Attribute Recognition", "Treatment Understanding", "Skeletal System", "Cardiovascular",
          "Abdominal Structures", "Respiratory System", "Gastrointestinal Tract", "Neurovascular",
          "General Structures", "Muscle Recognition", "Cell and Microbes", "Counting",
          "Surgical Workflow Recognition", "Image Quality Grading", "Surgical Instrument Recognition",
          "General Science Reasoning", "Pathophysiological Reasoning", "Clinical Correlation",
          "General Diagnosis Reasoning", "Laboratory/Imaging Interpretation",
          "Clinical Presentation Analysis", "Disease Mechanism Recognition", "Treatment Reasoning",
          "Pharmacological Treatment", "Initial/Emergency Management", "Surgical Treatment Selection"]
CATEGORY = {}
for ids, cat in [("limited_angle sparse_view bias_field_artifact undersampling_artifact ghosting_artifact "
                  "blood_cell_artifact dark_spots_artifact", "Artif"),
                 ("rotation_artifact random_motion_artifact", "Motio"),
                 ("adjust_brightness exposure_artifact reduce_contrast", "Intens"),
                 ("gaussian_noise low_dose", "Noise"),
                 ("downsample_artifact motion_blur gaussian_blur bubble_artifact xray_motion_blur_artifact", "RB")]:
    for d in ids.split():
        CATEGORY[d] = cat
SKILL_TASK = {}
lo = 0
for hi, task in TASK_BOUNDS:
    for s in SKILLS[lo:hi]:
        SKILL_TASK[s] = task
    lo = hi

SINGLE = re.compile(r"^(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z]))[.:]?$")
ANSWER = re.compile(r"[Aa][Nn][Ss][Ww][Ee][Rr]\s*(?:[Ii][Ss]\s*)?(?:[:\-]\s*)?"
                    r"(?:[Oo][Pp][Tt][Ii][Oo][Nn]\s*)?(?:[(\[]\s*)?([A-Z])(?!\w)")
STANDALONE = re.compile(r"(?<!\w)[A-Z](?!\w)")


def parse_choice(text, k):
    text = re.sub(r"[*_`#]", "", text).strip()
    if not text:
        return ""
    m = SINGLE.match(text)
    if m:
        letter = (m.group(1) or m.group(2) or m.group(3)).upper()
        return letter if ord(letter) - 65 < k else ""
    m = ANSWER.search(text)
    if m:
        return m.group(1) if ord(m.group(1)) - 65 < k else ""
    for m in STANDALONE.finditer(text):
        if ord(m.group(0)) - 65 < k:
            return m.group(0)
    return ""


LETTER_CODE = {"": -1, **{chr(65 + i): i for i in range(26)}}


def main(d):
    t0, c0 = time.perf_counter(), time.process_time()
    opts = dict(dtype=str, keep_default_na=False)
    items = pd.read_csv(f"{d}/items.csv", **opts)
    models = pd.read_csv(f"{d}/models.csv", **opts)
    preds = pd.read_csv(f"{d}/predictions.csv", keep_default_na=False,
                        dtype={"model": "category", "item_id": "category", "trial": "int64",
                               "choice": str, "response": str})

    # Items rules (small table).
    assert items["item_id"].ne("").all() and items["item_id"].is_unique
    assert items["modality"].isin(MODALITIES).all() and items["skill"].isin(SKILLS).all()
    assert items["severity"].str.fullmatch(r"\d+").all() and items["n_options"].str.fullmatch(r"\d+").all()
    sev = items["severity"].astype(int).to_numpy()
    assert ((sev >= 0) & (sev <= 2)).all()
    assert ((items["degradation"] == "none").to_numpy() == (sev == 0)).all()
    assert items["degradation"].isin(list(CATEGORY) + ["none"]).all()
    k = items["n_options"].astype(int).to_numpy()
    assert ((k >= 2) & (k <= 26)).all()
    answer = items["answer"].map(LETTER_CODE).to_numpy()
    assert (answer >= 0).all() and (answer < k).all()
    task = items["skill"].map(SKILL_TASK).to_numpy()
    category = items["degradation"].map(CATEGORY).fillna("none").to_numpy()
    # Models rules.
    assert models["model"].ne("").all() and models["model"].is_unique
    assert models["group"].isin(["proprietary", "open-source", "medical"]).all()
    # Predictions rules, vectorized: membership, trial >= 1, unique triples, choice letters.
    assert preds["model"].isin(models["model"]).all()
    item_idx = pd.Index(items["item_id"]).get_indexer(preds["item_id"].astype(str))
    assert (item_idx >= 0).all()
    assert (preds["trial"] >= 1).all()
    assert not preds.duplicated(["model", "item_id", "trial"]).any()
    code = preds["choice"].map(LETTER_CODE)
    assert code.notna().all()
    code = code.to_numpy().astype(np.int64)
    kk = k[item_idx]
    assert (code < kk).all()
    need = np.flatnonzero((code == -1) & (preds["response"] != "").to_numpy())
    responses = preds["response"].to_numpy()
    code[need] = [LETTER_CODE[parse_choice(responses[i], kk[i])] for i in need]
    t1, c1 = time.perf_counter(), time.process_time()

    # Tables: per (model, item) correctness and voting confidence, then aggregations.
    model_code = preds["model"].cat.codes.to_numpy()
    p = pd.DataFrame({"m": model_code, "i": item_idx, "code": code,
                      "correct": (code == answer[item_idx]).astype(float)})
    per_item = p.groupby(["m", "i"], sort=False).agg(correct=("correct", "mean"), trials=("code", "size"))
    votes = p[p["code"] >= 0].groupby(["m", "i", "code"], sort=False).size().rename("votes").reset_index()
    votes["V"] = votes.groupby(["m", "i"], sort=False)["votes"].transform("sum")
    q = votes["votes"] / votes["V"]
    votes["h"] = -q * np.log(q)
    vc = votes.groupby(["m", "i"], sort=False).agg(H=("h", "sum"), V=("V", "first"))
    per_item = per_item.join(vc, how="left").reset_index()
    ii = per_item["i"].to_numpy()
    per_item["severity"], per_item["task"], per_item["category"] = sev[ii], task[ii], category[ii]
    per_item["V"] = per_item["V"].fillna(0)
    per_item["H"] = per_item["H"].fillna(0)
    per_item["conf"] = (per_item["V"] / per_item["trials"]) * (
        1 - per_item["H"] / np.log(k[ii])).clip(0, 1)
    acc_sev = per_item.pivot_table(index="m", columns="severity", values="correct", aggfunc="mean")
    deg = per_item[per_item["severity"] > 0]
    acc_task = deg.pivot_table(index="m", columns="task", values="correct", aggfunc="mean")
    acc_cat = deg.pivot_table(index="m", columns="category", values="correct", aggfunc="mean")
    conf_sev = per_item.pivot_table(index="m", columns="severity", values="conf", aggfunc="mean")
    calib = conf_sev - acc_sev
    drops = acc_task.sub(acc_sev[0], axis=0), acc_cat.sub(acc_sev[0], axis=0)

    # The rest of our tables, the same computations vectorized per model.
    qcode = pd.factorize(items["question_id"])[0]
    per_item["q"] = qcode[ii]
    modality = items["modality"].to_numpy()
    per_item.groupby(["m", modality[ii], "severity"], sort=False)["correct"].mean()
    l0 = per_item.loc[per_item["severity"] == 0, ["m", "q", "correct"]]
    deg_rows = per_item[per_item["severity"] > 0]
    di = deg_rows["i"].to_numpy()
    for key in (items["degradation"].to_numpy()[di], items["skill"].to_numpy()[di]):
        d = deg_rows.assign(key=key)
        acc = d.groupby(["m", "key", "severity"], sort=False)["correct"].mean().unstack()
        base = d[["m", "key", "q"]].drop_duplicates().merge(l0, on=["m", "q"]).groupby(
            ["m", "key"], sort=False)["correct"].mean()
        heat = acc.sub(base, axis=0)  # paired drops at L1 and L2 (heatmaps)
        assert len(heat)
    # Brier of the vote distribution, ECE and reliability bins per model x level.
    votes["T"] = per_item.set_index(["m", "i"])["trials"].reindex(
        pd.MultiIndex.from_arrays([votes["m"], votes["i"]])).to_numpy()
    votes["p"] = votes["votes"] / votes["T"]
    votes["hit"] = votes["code"].to_numpy() == answer[votes["i"].to_numpy()]
    sq = votes.assign(p2=votes["p"] ** 2, py=votes["p"] * votes["hit"]).groupby(["m", "i"], sort=False)[["p2", "py"]].sum()
    per_item = per_item.join(sq, on=["m", "i"])
    per_item["brier"] = per_item["p2"].fillna(0) - 2 * per_item["py"].fillna(0) + 1
    per_item["bin"] = np.minimum(9, np.floor(per_item["conf"] * 10 + 1e-9))
    rel = per_item.groupby(["m", "severity", "bin"], sort=False).agg(
        n=("conf", "size"), conf=("conf", "mean"), acc=("correct", "mean")).reset_index()
    rel["gap"] = rel["n"] * (rel["acc"] - rel["conf"]).abs()
    ece = rel.groupby(["m", "severity"])["gap"].sum() / rel.groupby(["m", "severity"])["n"].sum()
    brier = per_item.groupby(["m", "severity"])["brier"].mean()
    # Intra-model DKE: paired bootstrap over question ids, 2000 resamples per model
    # (counts of each drawn question, then dot products with the per-question sums).
    B = 2000
    for m, g in per_item[per_item["severity"].isin([0, 2])].groupby("m", sort=False):
        lvl2 = (g["severity"] == 2).to_numpy()
        qs = g["q"].to_numpy()
        V = np.zeros((qcode.max() + 1, 6))
        for col, vals in ((0, np.ones(len(g))), (1, g["correct"].to_numpy()), (2, g["conf"].to_numpy())):
            np.add.at(V[:, col], qs[~lvl2], vals[~lvl2])
            np.add.at(V[:, col + 3], qs[lvl2], vals[lvl2])
        V = V[V[:, 0] + V[:, 3] > 0]
        Q = len(V)
        rng = np.random.default_rng(0)
        draws = rng.integers(0, Q, size=(B, Q)) + (np.arange(B) * Q)[:, None]
        M = np.bincount(draws.ravel(), minlength=B * Q).reshape(B, Q)
        S = M @ V
        drop = S[:, 1] / S[:, 0] - S[:, 4] / S[:, 3]
        inc = (S[:, 5] / S[:, 3] - S[:, 4] / S[:, 3]) - (S[:, 2] / S[:, 0] - S[:, 1] / S[:, 0])
        np.percentile(drop, [2.5, 97.5]), np.percentile(inc, [2.5, 97.5])
        ((drop <= 0).sum() + 1) / (B + 1), ((inc < 0).sum() + 1) / (B + 1)
    # Inter-model DKE: rank correlations of accuracy and calibration shift per level.
    from scipy.stats import kendalltau, spearmanr
    for lvl in (0, 1, 2):
        spearmanr(acc_sev[lvl], calib[lvl]), kendalltau(acc_sev[lvl], calib[lvl])
    assert len(ece) and len(brier)
    t2, c2 = time.perf_counter(), time.process_time()
    assert len(calib) == len(models) and all(len(x) for x in drops)
    print(json.dumps({"rows": int(len(preds)), "load": t1 - t0, "tables": t2 - t1,
                      "loadCpu": c1 - c0, "tablesCpu": c2 - c1,
                      "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main(sys.argv[1])
