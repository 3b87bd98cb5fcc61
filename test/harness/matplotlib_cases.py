# Cases for matplotlib's ticker, contour levels and colours, and the limits new artists give an Axes, run by two
# interpreters:
#   /usr/bin/python3 test/harness/matplotlib_cases.py   (real matplotlib 3.6, Agg) writes
#       test/fixtures/matplotlib_reference.json: each case with its expected result;
#   the playground (test/python/matplotlib/artists.test.ts) defines CASES_JSON with those cases and runs this
#       file, which prints the playground's results as one JSON list.
# A case is {"name", "code": statements ending in an assignment to `out`, "tol"?}. Results: {"out": value} or
# {"error": "Type: message"}.
import json
import math

CASES = [
    # ---- locators ----------------------------------------------------------------------------------------
    {"name": "MaxNLocator(5)", "code": "out = [list(MaxNLocator(5).tick_values(-0.3, 7.2)), list(MaxNLocator(5).tick_values(0, 1)), list(MaxNLocator(3).tick_values(1e-3, 5e-3))]"},
    {"name": "MaxNLocator options", "code": "out = [list(MaxNLocator(4, integer=True).tick_values(0.2, 3.7)), list(MaxNLocator(6, prune='both').tick_values(-10, 10)), list(MaxNLocator(5, symmetric=True).tick_values(-1, 4)), list(MaxNLocator(5, steps=[1, 3]).tick_values(0, 9)), list(MaxNLocator(8, min_n_ticks=1).tick_values(0, 1))]"},
    {"name": "MaxNLocator large offset and tiny range", "code": "out = [list(MaxNLocator(5).tick_values(1000.1, 1000.9)), list(MaxNLocator(5).tick_values(3, 3)), list(MaxNLocator(10).tick_values(-2.5e6, 7e6))]"},
    {"name": "MultipleLocator", "code": "out = [list(MultipleLocator(0.5).tick_values(-1.3, 2.2)), list(MultipleLocator(5).tick_values(0, 23)), list(MultipleLocator(0.1).tick_values(0, 0.35)), list(MultipleLocator(2).tick_values(7, -3))]"},
    {"name": "LinearLocator and FixedLocator", "code": "out = [list(LinearLocator(5).tick_values(0, 2)), list(LinearLocator(3).tick_values(-1, 1)), list(FixedLocator([0, 1, 5]).tick_values(0, 10)), list(NullLocator().tick_values(0, 1))]"},
    # ---- formatters --------------------------------------------------------------------------------------
    {"name": "FormatStrFormatter and StrMethodFormatter", "code": "out = [FormatStrFormatter('%.2f')(3.14159), FormatStrFormatter('%d ms')(12.0), StrMethodFormatter('{x:,.0f}')(1234567.0), StrMethodFormatter('{x:.1f} ({pos})')(2.25, 3)]"},
    {"name": "FuncFormatter and FixedFormatter", "code": "f = FuncFormatter(lambda x, pos: 'e%d:%g' % (pos, x)); out = [f.format_ticks([0.5, 1.5, 2.5]), FixedFormatter(['a', 'b']).format_ticks([0, 1, 2])]"},
    {"name": "PercentFormatter", "code": "outs = []\nfor args, view, values in [((1.0,), (-0.025, 0.525), [0, 0.1, 0.25, 0.5]), ((100,), (0, 100), [0, 20, 50]), ((1.0, 1), (0, 1), [0.123, -0.5]), ((5, None, ' pct'), (0, 5), [1, 2.5]), ((1.0,), (0, 0.01), [0.002, 0.005])]:\n    p = PercentFormatter(*args); p.create_dummy_axis(); p.axis.set_view_interval(*view); outs.append(p.format_ticks(values))\nout = outs"},
    # ---- contour levels and colours -----------------------------------------------------------------------
    {"name": "contourf levels of a 0/1 decision grid", "code": "xx, yy = np.meshgrid(np.linspace(-1, 1, 30), np.linspace(-1, 1, 20)); Z = (xx * xx + yy < 0.3).astype(np.int64); cs = plt.contourf(xx, yy, Z, alpha=0.5, cmap='Spectral'); out = [list(cs.levels), list(cs.layers), band_colors(cs)]", "colors": True},
    {"name": "contourf levels of a smooth surface", "code": "xx, yy = np.meshgrid(np.linspace(-2, 2, 40), np.linspace(-1.5, 1.5, 30)); Z = np.sin(xx) * np.cos(yy) * 3 + 0.4; cs = plt.contourf(xx, yy, Z); cs2 = plt.contourf(xx, yy, Z, 12); cs3 = plt.contourf(xx, yy, Z, levels=[-2, 0, 1, 3], cmap='coolwarm'); out = [list(cs.levels), list(cs2.levels), list(cs3.levels), band_colors(cs), band_colors(cs3)]", "colors": True},
    {"name": "contour line levels", "code": "xx, yy = np.meshgrid(np.linspace(0, 4, 25), np.linspace(0, 3, 20)); Z = (xx - 2) ** 2 + (yy - 1) ** 2; cs = plt.contour(xx, yy, Z); cs2 = plt.contour(xx, yy, Z, 4, colors='k'); cs3 = plt.contour(Z, levels=[1, 2, 4]); out = [list(cs.levels), list(cs2.levels), list(cs3.levels), line_colors(cs)]", "colors": True},
    {"name": "contourf extend", "code": "xx, yy = np.meshgrid(np.linspace(0, 1, 10), np.linspace(0, 1, 10)); Z = xx + yy; cs = plt.contourf(xx, yy, Z, levels=[0.5, 1.0, 1.5], extend='both'); cs2 = plt.contourf(xx, yy, Z, 5, extend='max'); out = [list(cs.levels), list(cs2.levels)]"},
    # ---- limits the new artists give an Axes --------------------------------------------------------------
    {"name": "contourf limits are tight", "code": "fig, ax = plt.subplots(); xx, yy = np.meshgrid(np.arange(-1.5, 2.5, 0.25), np.arange(-1, 1.5, 0.25)); ax.contourf(xx, yy, xx * yy); ax.scatter([0, 1], [0, 1]); out = [list(ax.get_xlim()), list(ax.get_ylim())]"},
    {"name": "imshow limits and extent", "code": "fig, axs = plt.subplots(1, 3); axs[0].imshow(np.arange(12).reshape(3, 4)); axs[1].imshow(np.ones((2, 5)), origin='lower'); axs[2].imshow(np.zeros((4, 4)), extent=(0, 8, -2, 2)); out = [[list(a.get_xlim()), list(a.get_ylim())] for a in axs]"},
    {"name": "fill_between, axhline, axvline limits", "code": "fig, axs = plt.subplots(1, 3); axs[0].fill_between([0, 1, 2], [1, 3, 2], [0, 0.5, -1]); axs[1].plot([0, 1], [0, 1]); axs[1].axhline(5); axs[1].axvline(-2, ymin=0.2); axs[2].fill_between([1, 2, 3, 4], [1, 2, 3, 4], 2.5, where=[True, True, False, True]); out = [[list(a.get_xlim()), list(a.get_ylim())] for a in axs]"},
    {"name": "errorbar and barh limits", "code": "fig, axs = plt.subplots(1, 3); axs[0].errorbar([1, 2, 3], [2, 4, 3], yerr=[0.5, 1, 0.2], xerr=0.3); axs[1].barh([0, 1, 2], [5, 2, 7]); axs[2].barh([1, 2], [3, 4], height=0.5, left=[1, 2]); out = [[list(a.get_xlim()), list(a.get_ylim())] for a in axs]"},
    {"name": "text leaves limits alone; twinx shares x", "code": "fig, ax = plt.subplots(); ax.plot([0, 10], [0, 1]); ax.text(50, 50, 'far'); ax.annotate('a', xy=(5, 0.5), xytext=(20, 3), arrowprops=dict(arrowstyle='->')); t = ax.twinx(); t.plot([-5, 5], [100, 300]); out = [list(ax.get_xlim()), list(ax.get_ylim()), list(t.get_xlim()), list(t.get_ylim())]"},
    {"name": "locator ticks on an axis", "code": "fig, ax = plt.subplots(); ax.plot([0, 3.3], [0, 1]); ax.xaxis.set_major_locator(MultipleLocator(0.5)); ax.yaxis.set_major_locator(MaxNLocator(4)); out = [list(ax.get_xticks()), list(ax.get_yticks())]"},
]


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


def number(x):
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, float) and math.isnan(x):
        return "nan"
    if isinstance(x, float) and math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def enc(v):
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, (bool, int, float, str)) or v is None:
        return number(v)
    if hasattr(v, "item"):
        return number(v.item())
    return repr(v)


def band_colors(cs):
    if hasattr(cs, "_colors"):
        return cs._colors()
    from matplotlib.colors import to_hex

    return [to_hex(c) for c in cs.cmap(cs.norm(cs.layers))]


def line_colors(cs):
    if hasattr(cs, "_colors"):
        return cs._colors()
    from matplotlib.colors import to_hex

    return [to_hex(c) for c in cs.cmap(cs.norm(cs.levels))]


def run(case):
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import (
        FixedFormatter, FixedLocator, FormatStrFormatter, FuncFormatter, LinearLocator, MaxNLocator, MultipleLocator,
        NullLocator, PercentFormatter, StrMethodFormatter,
    )

    env = dict(locals())
    env["band_colors"] = band_colors
    env["line_colors"] = line_colors
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(case["code"], env)
        return {"out": enc(env.get("out"))}
    except Exception as e:  # noqa: BLE001 - every failure is a result to compare
        return {"error": "%s: %s" % (type(e).__name__, e)}
    finally:
        plt.close("all")


if "CASES_JSON" in globals():
    print(json.dumps([run(c) for c in json.loads(CASES_JSON)]))  # noqa: F821 - defined by the test
elif __name__ == "__main__":
    import os

    import matplotlib

    cases = [dict(c, **run(c)) for c in CASES]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "matplotlib_reference.json")
    about = "matplotlib %s through test/harness/matplotlib_cases.py" % matplotlib.__version__
    with open(path, "w") as f:
        json.dump({"about": about, "cases": cases}, f, indent=0)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(path)))
