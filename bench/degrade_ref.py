"""Python reference timings for `deno task bench:degrade`.

Reads a planar float32 image (CHANNELS x H x W: 3 for RGB, the default, or
1 for grayscale) and a JSON file of the L2
parameters our operators drew, then serves timing requests: for each line
"<id>" on stdin it runs the closest SciPy / scikit-image / numpy
implementation of that degradation once ("<id> warm": after an untimed run;
"<id> cold": after writing 64 MiB) and answers one line with the
milliseconds taken and the minor page faults the run caused (or "nan" for
an id it does not know). The benchmark
interleaves these runs with its own, so both see the same machine load.
Used only by the benchmark, never by the library.

    python3 bench/degrade_ref.py IMAGE.f32 WIDTH HEIGHT PARAMS.json [CHANNELS]
"""

import json
import resource
import sys
import time

import numpy as np
from scipy import ndimage
from skimage.transform import iradon, radon

path, W, H, params_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
C = int(sys.argv[5]) if len(sys.argv) > 5 else 3
IMG = np.fromfile(path, dtype=np.float32).reshape(C, H, W).astype(np.float64)
PARAMS = json.load(open(params_path))
RNG = np.random.default_rng(0)


def luma(x):
    # A grayscale image is its own luma, as in our operators.
    if x.shape[0] == 1:
        return x[0]
    return 0.299 * x[0] + 0.587 * x[1] + 0.114 * x[2]


def rgb(g):
    # Back to the input's channels: three equal planes, or one.
    g = np.clip(g, 0, 1)
    return g[None] if C == 1 else np.stack([g, g, g])


def per_channel(f, x):
    return np.stack([f(c) for c in x])


def line_kernel(length, angle_deg):
    n = int(length) | 1
    k = np.zeros((n, n))
    c = n // 2
    t = np.deg2rad(angle_deg)
    for s in np.linspace(-(length - 1) / 2, (length - 1) / 2, int(length)):
        k[int(round(c - s * np.sin(t))), int(round(c + s * np.cos(t)))] = 1
    return k / k.sum()


def rotated_line_kernel(k, angle_deg):
    # motion_blur's kernel (SPEC §3.16): a k x k array with its centre column
    # set to 1, rotated (bilinear, same canvas), normalised.
    line = np.zeros((k, k))
    line[:, k // 2] = 1
    r = ndimage.rotate(line, angle_deg, reshape=False, order=1)
    return r / r.sum()


def ct_canvas(g):
    d = int(np.ceil(np.sqrt(2) * max(g.shape))) + 2
    top, left = (d - g.shape[0]) // 2, (d - g.shape[1]) // 2
    c = np.zeros((d, d))
    c[top:top + g.shape[0], left:left + g.shape[1]] = g
    return c, top, left


def fbp(g, angles, sino_hook=None):
    c, top, left = ct_canvas(g)
    s = radon(c, theta=angles, circle=True)
    if sino_hook is not None:
        s = sino_hook(s)
    r = iradon(s, theta=angles, filter_name="ramp", interpolation="linear", circle=True)
    return r[top:top + g.shape[0], left:left + g.shape[1]]


def sparse_view(x, p):
    views = p["views"]
    angles = np.arange(views) * 180.0 / views
    return rgb(fbp(luma(x), angles, lambda s: s + 0.01 * RNG.standard_normal(s.shape)))


def limited_angle(x, p):
    angles = p["start"] + np.arange(int(np.ceil(p["arc"] / p["step"]))) * p["step"]
    return rgb(fbp(luma(x), angles))


def low_dose(x, p):
    g = luma(x)
    angles = np.arange(p["views"]) * 180.0 / p["views"]
    c, top, left = ct_canvas(g)
    s = radon(c, theta=angles, circle=True)
    k = p["maxAttenuation"] / s.max()
    counts = RNG.poisson(p["photons"] * np.exp(-s * k))
    noise = -np.log(np.maximum(counts, 1) / p["photons"]) / k - s
    r = iradon(noise, theta=angles, filter_name="ramp", interpolation="linear", circle=True)
    return rgb(g + r[top:top + g.shape[0], left:left + g.shape[1]])


def undersampling(x, p):
    # Each channel with a mask of its own (SPEC §3.4), as ours.
    w = x.shape[2]
    out = np.empty_like(x)
    for c in range(x.shape[0]):
        k = np.fft.fftshift(np.fft.fft2(x[c]))
        mask = np.zeros(w, bool)
        low = round(w * p["centerFraction"])
        pad = (w - low + 1) // 2
        mask[pad:pad + low] = True
        target = round(w * p["keepFraction"])
        while mask.sum() < target:
            j = int(round(w / 2 + p["spread"] * w * RNG.standard_normal()))
            if 0 <= j < w:
                mask[j] = True
        out[c] = np.real(np.fft.ifft2(np.fft.ifftshift(k * mask[None, :])))
    return np.clip(out, 0, 1)


def ghosting(x, p):
    # Each channel on its own (SPEC §3.5), as ours.
    out = x.copy()
    n, h = p["ghosts"], x.shape[1]
    d = h // n
    for j in range(1, n):
        out[:, j * d:] += p["intensity"] * (1 - p["decay"] * j / n) * x[:, :h - j * d]
    return np.clip(out, 0, 1)


def bias_field(x, p):
    h, w = x.shape[1:]
    u = (np.arange(w) - w / 2 + 0.5) / (w / 2 - 0.5)
    v = (np.arange(h) - h / 2 + 0.5) / (h / 2 - 0.5)
    V, U = np.meshgrid(v, u, indexing="ij")
    field = np.zeros((h, w))
    for i in range(4):
        for j in range(4 - i):
            field += p[f"c{i}{j}"] * U ** i * V ** j
    # Every channel times the same field (SPEC §3.3), as ours.
    return np.clip(x * np.exp(field)[None], 0, 1)


def random_motion(x, p):
    g = luma(x)
    h, w = g.shape
    k = p["segments"]
    rng = np.random.default_rng(p["motionSeed"])
    spectrum = np.zeros((h, w), complex)
    edges = [0] + [int(round((i + 0.6 * (rng.random() - 0.5)) / k * h)) for i in range(1, k)] + [h]
    for s in range(k):
        phi = np.deg2rad(rng.uniform(-p["maxDegrees"], p["maxDegrees"]))
        t = rng.uniform(-p["maxTranslation"], p["maxTranslation"], 2)
        rot = np.array([[np.cos(phi), np.sin(phi)], [-np.sin(phi), np.cos(phi)]])
        ctr = np.array([(h - 1) / 2, (w - 1) / 2])
        moved = ndimage.affine_transform(g, rot, offset=ctr - rot @ (ctr + t), order=1)
        f = np.fft.fftshift(np.fft.fft2(moved))
        spectrum[edges[s]:edges[s + 1]] = f[edges[s]:edges[s + 1]]
    return rgb(np.real(np.fft.ifft2(np.fft.ifftshift(spectrum))))


def bubble(x, p):
    h, w = x.shape[1:]
    r = p["radius"] * w if p["radius"] <= 1 else p["radius"]
    yy, xx = np.mgrid[:h, :w]
    disk = (yy - p["centerRow"]) ** 2 + (xx - p["centerCol"]) ** 2 <= r * r
    blurred = per_channel(lambda c: ndimage.gaussian_filter(c, p["blurSigma"], mode="reflect"), x)
    return np.where(disk[None], blurred, x)


def dark_spots(x, p):
    h, w = x.shape[1:]
    s = p["sigma"] * w if p["sigma"] <= 1 else p["sigma"]
    yy, xx = np.mgrid[:h, :w]
    a = p["alphaMax"] * np.exp(-((yy - p["centerRow"]) ** 2 + (xx - p["centerCol"]) ** 2) / (2 * s * s))
    return x * (1 - a[None])


def blood_cell(x, p):
    h, w = x.shape[1:]
    out = x.copy()
    rng = np.random.default_rng(p.get("layoutSeed", 0))
    d = p["diameter"]
    r = d / 2
    yy, xx = np.mgrid[:h, :w]
    colour = np.array([0.7, 0.25, 0.35])[:, None, None]
    if C == 1:
        colour = (0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2])[None]
    for _ in range(p["count"]):
        cy, cx = rng.uniform(r, h - r), rng.uniform(r, w - r)
        a = p["opacity"] * np.clip(1 - np.hypot(yy - cy, xx - cx) / r, 0, 1) ** 0.3
        out = out + a[None] * (colour - out)
    return out


REFS = {
    "adjust_brightness": lambda x, p: np.clip(x + p["offset"], 0, 1),
    "exposure_artifact": lambda x, p: np.clip(x ** p["gamma"] + p["offset"], 0, 1),
    # Clipped like ours (the operator clips to [0, 1] as every intensity op does).
    "reduce_contrast": lambda x, p: np.clip(p["alpha"] * x + (1 - p["alpha"]) * x.mean(), 0, 1),
    "gaussian_noise": lambda x, p: np.clip(x + p["sigma"] * RNG.standard_normal(x.shape), 0, 1),
    "downsample_artifact": lambda x, p: per_channel(
        lambda c: ndimage.zoom(ndimage.zoom(c, p["scale"], order=1), np.array(c.shape) / np.array(ndimage.zoom(c, p["scale"], order=1).shape), order=0), x),
    "gaussian_blur": lambda x, p: per_channel(lambda c: ndimage.gaussian_filter(c, p["sigma"], mode="reflect"), x),
    "motion_blur": lambda x, p: per_channel(
        lambda c: ndimage.convolve(c, rotated_line_kernel(p["length"], p["angle"]), mode="reflect"), x),
    "xray_motion_blur_artifact": lambda x, p: per_channel(
        lambda c: ndimage.convolve(c, line_kernel(p["length"], p["angle"]), mode="reflect"), x),
    "rotation_artifact": lambda x, p: per_channel(lambda c: ndimage.rotate(c, p["angle"], reshape=False, order=1), x),
    "bubble_artifact": bubble,
    "dark_spots_artifact": dark_spots,
    "blood_cell_artifact": blood_cell,
    "limited_angle": limited_angle,
    "sparse_view": sparse_view,
    "low_dose": low_dose,
    "undersampling_artifact": undersampling,
    "ghosting_artifact": ghosting,
    "bias_field_artifact": bias_field,
    "random_motion_artifact": random_motion,
}

# Written before a timed run asked "cold" (64 MiB, twice the L3).
FLUSH = np.zeros(8 * 1024 * 1024)

print("ready", flush=True)
for line in sys.stdin:
    # "<id>" or "<id> <cache>": cache "warm" runs the reference once untimed
    # first, "cold" writes FLUSH first, anything else neither.
    id_, _, cache = line.strip().partition(" ")
    if id_ not in REFS or id_ not in PARAMS:
        print("nan", flush=True)
        continue
    if cache == "warm":
        REFS[id_](IMG, PARAMS[id_])
    elif cache == "cold":
        FLUSH += 1
    f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    t0 = time.perf_counter()
    REFS[id_](IMG, PARAMS[id_])
    t = (time.perf_counter() - t0) * 1000
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
    print(f"{t:.3f} {faults}", flush=True)
