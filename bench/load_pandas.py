"""pandas reference for bench/load_bench.ts: load a FORMAT.md results
directory with read_csv, run validation-ish checks (the same rules our loader
applies, vectorized), extract letters from responses with the default rule,
then compute the tables' aggregations: accuracy per model x severity, per
model x task and per model x category over L1&L2, voting confidence per
model x item and calibration shift per model x level. Prints one JSON line.
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


def main(d):
    t0 = time.perf_counter()
    opts = dict(dtype=str, keep_default_na=False)
    items = pd.read_csv(f"{d}/items.csv", **opts)
    models = pd.read_csv(f"{d}/models.csv", **opts)
    preds = pd.read_csv(f"{d}/predictions.csv", **opts)

    # Items rules.
    assert items["item_id"].ne("").all() and items["item_id"].is_unique
    assert items["modality"].isin(MODALITIES).all() and items["skill"].isin(SKILLS).all()
    assert items["severity"].str.fullmatch(r"\d+").all()
    sev = items["severity"].astype(int)
    assert sev.between(0, 2).all()
    assert ((items["degradation"] == "none") == (sev == 0)).all()
    assert items["degradation"].isin(list(CATEGORY) + ["none"]).all()
    k = items["n_options"].astype(int)
    assert k.between(2, 26).all()
    answer = items["answer"].map(lambda s: ord(s) - 65 if len(s) == 1 else 99)
    assert (answer < k).all()
    items = items.assign(severity=sev, n_options=k, answer_code=answer,
                         task=items["skill"].map(SKILL_TASK),
                         category=items["degradation"].map(CATEGORY))
    # Models rules.
    assert models["model"].is_unique and models["group"].isin(["proprietary", "open-source", "medical"]).all()
    # Predictions rules.
    assert preds["model"].isin(models["model"]).all()
    assert preds["item_id"].isin(items["item_id"]).all()
    assert preds["trial"].str.fullmatch(r"\d+").all()
    preds["trial"] = preds["trial"].astype(int)
    assert (preds["trial"] >= 1).all()
    assert not preds.duplicated(["model", "item_id", "trial"]).any()
    p = preds.merge(items[["item_id", "question_id", "severity", "n_options", "answer_code", "task", "category"]],
                    on="item_id", how="left")
    empty = p["choice"] == ""
    assert p.loc[~empty, "choice"].str.fullmatch(r"[A-Z]").all()
    code = p["choice"].map(lambda s: ord(s) - 65 if s else -1)
    assert (code < p["n_options"]).all()
    need = empty & (p["response"] != "")
    extracted = [parse_choice(t, kk) for t, kk in zip(p.loc[need, "response"], p.loc[need, "n_options"])]
    code.loc[need] = [ord(s) - 65 if s else -1 for s in extracted]
    p["code"] = code
    t1 = time.perf_counter()

    # Tables: per-item correctness and voting confidence, then aggregations.
    p["correct"] = (p["code"] == p["answer_code"]).astype(float)
    per_item = p.groupby(["model", "item_id"], sort=False).agg(
        correct=("correct", "mean"), trials=("trial", "size"))
    votes = p[p["code"] >= 0].groupby(["model", "item_id", "code"], sort=False).size().rename("votes").reset_index()
    votes["V"] = votes.groupby(["model", "item_id"], sort=False)["votes"].transform("sum")
    q = votes["votes"] / votes["V"]
    votes["h"] = -q * np.log(q)
    vc = votes.groupby(["model", "item_id"], sort=False).agg(H=("h", "sum"), V=("V", "first"))
    per_item = per_item.join(vc, how="left").reset_index().merge(
        items[["item_id", "severity", "n_options", "task", "category"]], on="item_id")
    per_item["V"] = per_item["V"].fillna(0)
    per_item["H"] = per_item["H"].fillna(0)
    per_item["conf"] = (per_item["V"] / per_item["trials"]) * (
        1 - per_item["H"] / np.log(per_item["n_options"])).clip(0, 1)
    acc_sev = per_item.pivot_table(index="model", columns="severity", values="correct", aggfunc="mean")
    deg = per_item[per_item["severity"] > 0]
    acc_task = deg.pivot_table(index="model", columns="task", values="correct", aggfunc="mean")
    acc_cat = deg.pivot_table(index="model", columns="category", values="correct", aggfunc="mean")
    conf_sev = per_item.pivot_table(index="model", columns="severity", values="conf", aggfunc="mean")
    calib = conf_sev - acc_sev
    drops = acc_task.sub(acc_sev[0], axis=0), acc_cat.sub(acc_sev[0], axis=0)
    t2 = time.perf_counter()
    assert len(calib) == len(models) and all(len(x) for x in drops)
    print(json.dumps({"rows": int(len(preds)), "load": t1 - t0, "tables": t2 - t1,
                      "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main(sys.argv[1])
