/**
 * The libm that PyTorch's and NumPy's samplers run on an x86-64 machine, reproduced bit for bit where it matters.
 *
 * Plain `Math.log`/`Math.sin`/`Math.cos` differ from glibc in the last bit often enough to break bit-exactness of
 * float64 normals (and occasionally of float32 ones), so the engine carries its own versions: an exact fma (JS
 * has none, and the compilers that built PyTorch and glibc contract a*b+c), log and log1p transliterated from
 * glibc 2.36+ x86-64 (FMA variants selected at run time on AVX2 machines; both come from permissively licensed
 * code, noted at each routine), checked against the real libm on millions of arguments, a correctly rounded
 * sin/cos written for this project, and the single-precision Cephes log/sincos of PyTorch's avx_mathfun.h.
 * glibc's sin/cos are not always correctly rounded, so about one float64 normal in 730 can differ from PyTorch's
 * in the last bit; float32 normals use PyTorch's own single-precision kernels and are unaffected.
 *
 * It is a file of its own because both random/generator.ts (torch) and the numpy/ modules use it, and neither
 * should reach into the other for it. Functions that produce two results (`sinCos`, `sinCosAvx`) leave them in
 * exported module variables instead of returning a pair, so the Box–Muller loops allocate nothing per sample.
 */

// ---------------------------------------------------------------------------------------------------------------
// Exact fused multiply-add. PyTorch's kernels and glibc's FMA variants are compiled with contraction, so a*b+c is
// often one rounding there; JS has no fma, so it is emulated exactly (Dekker product + round-to-odd sum).
// ---------------------------------------------------------------------------------------------------------------

const SPLITTER = 134217729; // 2**27 + 1, Veltkamp's splitting constant for doubles
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/**
 * Round-to-odd of an addition whose rounded result `s` and exact error `err` are known: an inexact sum is forced
 * onto the neighbour with an odd last bit, which makes a later round-to-nearest of it (or of it plus something
 * much larger) equal to the round-to-nearest of the exact value (Boldo & Melquiond).
 */
function roundToOdd(s: number, err: number): number {
  if (err === 0) return s;
  scratch[0] = s;
  if (scratchWords[LO] & 1) return s;
  if (err > 0 === s > 0) {
    scratchWords[LO] += 1; // even, so no carry into the high word
  } else if (scratchWords[LO] !== 0) {
    scratchWords[LO] -= 1;
  } else {
    scratchWords[LO] = 0xffffffff;
    scratchWords[HI] -= 1;
  }
  return scratch[0];
}

/** fma(a, b, c) for doubles with a single rounding (finite, non-extreme operands; others fall back to a*b+c). */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!(Math.abs(a) < 1e300 && Math.abs(b) < 1e300 && Math.abs(p) < 1e300 && Math.abs(c) < 1e300)) return p + c;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl; // a*b = p + e exactly
  if (e === 0) return p + c;
  // c + p = th + tl exactly (TwoSum), then th + RO(tl + e) rounds like the exact c + p + e.
  const th = c + p;
  let bv = th - c;
  const tl = c - (th - bv) + (p - bv);
  const s = tl + e;
  bv = s - tl;
  const err = tl - (s - bv) + (e - bv);
  return th + roundToOdd(s, err);
}

/** fma on float32 operands: the product is exact in a double, so only the sum needs round-to-odd before fround. */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  // A float32 product plus a float32 cannot overflow a double, so s is ±inf or NaN only when an operand is,
  // and then it is the fused result (the error terms below would turn -inf into NaN).
  if (!Number.isFinite(s)) return s;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  return Math.fround(roundToOdd(s, err));
}

// ---------------------------------------------------------------------------------------------------------------
// glibc's double-precision log and log1p, as x86-64 glibc runs them on AVX2/FMA machines (the `*_fma` ifunc
// variants, compiled by GCC with -mfma, whose a*b+c expressions are contracted). Each `fma(...)` below marks a
// product GCC fused; a plain `*` marks one it could not (its result feeds another multiply, or lives in another
// basic block). Verified bit for bit against glibc 2.36's libm on about 2.7 million arguments.
// ---------------------------------------------------------------------------------------------------------------

// log: poly for log1p(r) - r around table centres, poly for |x - 1| < 1/16, and {1/c, log(c)} per subinterval.
const LOG_POLY = new Float64Array([
  -0.5000000000000001, 0.33333333331825593, -0.2499999999622955, 0.20000304511814496, -0.16667054827627667,
]);
const LOG_POLY1 = new Float64Array([
  -0.5, 0.3333333333333352, -0.24999999999998432, 0.19999999999320328, -0.16666666669929706, 0.14285715076560868,
  -0.12499997863982555, 0.11110712032936046, -0.10000486757818193, 0.09181994006195467, -0.08328363062289341,
]);
const LOG_TAB = new Float64Array([
  1.4504249240398293, -0.3718565645633589,
  1.442253508327276, -0.36620682668944937,
  1.4341736174350004, -0.3605888069791945,
  1.426183816329995, -0.3550022171419869,
  1.4182825527052965, -0.34944666968829097,
  1.4104682921759335, -0.3439217713603284,
  1.4027396147468003, -0.3384271921261188,
  1.3950954438932313, -0.332962831494342,
  1.3875338232485754, -0.32752794345742586,
  1.3800539211058593, -0.32212257167088865,
  1.3726542695419708, -0.3167462884799761,
  1.3653332798446802, -0.3113985598928366,
  1.358090204587874, -0.3060794515165526,
  1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998,
  1.3368146974742003, -0.29028969275850613,
  1.329870114677736, -0.2850812793277555,
  1.322997339161106, -0.27989987391470095,
  1.316195352741367, -0.27474526621870154,
  1.3094628125672239, -0.2696169863701243,
  1.3027990455471041, -0.26451506180308115,
  1.2962024229438942, -0.2594387762767383,
  1.2896726275815547, -0.2543884090981692,
  1.2832080305745537, -0.24936321635129843,
  1.276807885983376, -0.24436312405975968,
  1.2704714060687552, -0.23938801747897287,
  1.2641976054949482, -0.23443761696705678,
  1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873,
  1.2457421919097305, -0.21973149037705753,
  1.2397094966625508, -0.2148770752847895,
  1.2337348463589233, -0.210046029103637,
  1.2278176973028803, -0.20523836373934046,
  1.2219570190618474, -0.20045368751368642,
  1.2161519732977757, -0.1956917537758045,
  1.2104018095009725, -0.19095237845203883,
  1.204705805718973, -0.18623539250290833,
  1.1990631185441964, -0.18154051731551135,
  1.1934733004462308, -0.1768677957431919,
  1.1879350812847385, -0.17221657406412305,
  1.1824481322833125, -0.16758697765942543,
  1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228,
  1.1662869231674715, -0.15382513241456763,
  1.1609977486762766, -0.14927976358922024,
  1.1557563220795803, -0.14475495398119165,
  1.1505619105480347, -0.14025044090817573,
  1.1454138888505974, -0.1357660466685502,
  1.140311877374656, -0.1313018016355727,
  1.1352550225747513, -0.12685731518763532,
  1.1302429094831266, -0.1224325737671279,
  1.1252747693068048, -0.11802724521862729,
  1.1203501571039876, -0.11364127671663482,
  1.1154683327680124, -0.10927434611278386,
  1.1106291463292157, -0.10492665324943573,
  1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901,
  1.0963597137952512, -0.09199534069557558,
  1.0916844827550398, -0.08772190036688698,
  1.0870487291277784, -0.08346643613867855,
  1.082452357388312, -0.07922916827544668,
  1.0778948225025884, -0.0750099004750382,
  1.0733751731601076, -0.07080805133352897,
  1.068893585073351, -0.06662408085151128,
  1.0644491706655506, -0.06245745471915143,
  1.0600414846328305, -0.0583080438042316,
  1.0556701316181605, -0.05417576112313327,
  1.051334750556926, -0.050060547896805474,
  1.0470347288442157, -0.045962101199052086,
  1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985,
  1.034343418940345, -0.03376684757915882,
  1.0301811073173315, -0.029734619131772888,
  1.026052043621297, -0.025718470239212365,
  1.0219561082336197, -0.021718543925430822,
  1.0178926505784922, -0.01773446126981071,
  1.0138614436244586, -0.013766252464051831,
  1.0098620186501341, -0.009813706322574944,
  1.0058938559734134, -0.005876555150052809,
  1.00195696235014, -0.0019550499938532084,
  0.9961089923088509, 0.0038985973556009412,
  0.9884170338185201, 0.011650571286395461,
  0.9808429191005297, 0.019342955478919066,
  0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744,
  0.9588014945307369, 0.04207121767183253,
  0.9516728569073111, 0.049533940950141186,
  0.9446494635965822, 0.056941358295944156,
  0.9377288993026223, 0.06429439168346107,
  0.9309091073790681, 0.0715936354946507,
  0.924187681612722, 0.07884010933776153,
  0.9175626765599192, 0.08603438905970506,
  0.9110320403624034, 0.09317721180013905,
  0.9045935839762024, 0.10026951462748457,
  0.8982456375922825, 0.10731170956330516,
  0.8919860966782501, 0.11430473320717738,
  0.8858131121185129, 0.12124928503033061,
  0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756,
  0.8677966405782273, 0.1417978768189414,
  0.8619528050060739, 0.14855476039031146,
  0.8561872354420692, 0.1552661937658968,
  0.8504983927816893, 0.16193275688146969,
  0.8448844572790304, 0.16855539792220497,
  0.8393442741575965, 0.1751343179947753,
  0.8338762249349438, 0.1816702989864325,
  0.8284789320557778, 0.18816387146023317,
  0.8231510800065832, 0.1946155228479256,
  0.8178913903778707, 0.20102572579389744,
  0.8126984007245374, 0.2073952090795501,
  0.8075710029460227, 0.21372429840596396,
  0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975,
  0.792569604966373, 0.23247494747693054,
  0.7876923641254114, 0.23864766620658884,
  0.7828746724940998, 0.24478265647405806,
  0.7781155388790811, 0.25088025827324145,
  0.7734139557869777, 0.2569408552510595,
  0.7687687179914933, 0.26296511155101143,
  0.7641790698041854, 0.2689531327189343,
  0.7596438763692399, 0.27490553924610595,
  0.7551621951078668, 0.2808227248478943,
  0.7507331780216866, 0.286704979267256,
  0.7463557196361751, 0.29255295645509705,
  0.7420289364869653, 0.2983670386142876,
  0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366,
  0.729344777457841, 0.31560871301871884,
]);

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45

/**
 * glibc's log (sysdeps/ieee754/dbl-64/e_log.c, from Arm's optimized-routines, MIT/Apache-2.0): a 128-entry table
 * around which log1p is a short polynomial, with a separate polynomial for arguments within 1/16 of 1.
 */
export function glibcLog(x: number): number {
  scratch[0] = x;
  let hi = scratchWords[HI];
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    // 1 - 2**-4 <= x < 1 + 0x1.09p-4
    if (x === 1) return 0;
    const B = LOG_POLY1;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const t3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
    const t2 = fma(r3, t3, fma(r2, B[6], fma(r, B[5], B[4])));
    const t1 = fma(r3, t2, fma(r2, B[3], fma(r, B[2], B[1])));
    // Split r so that r*r*B[0] (B[0] = -0.5) is exact.
    let w = r * 134217728;
    const rhi = r + w - w;
    const rlo = r - rhi;
    w = rhi * rhi * B[0];
    const h = r + w;
    let l = r - h + w;
    l = fma(B[0] * rlo, rhi + r, l);
    const y = fma(r3, t1, l);
    return y + h;
  }
  if (((hi >>> 16) - 0x10) >>> 0 >= 0x7fe0) {
    // x < 2**-1022, x <= 0, inf or nan.
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN;
    scratch[0] = x * 4503599627370496; // subnormal: scale by 2**52 and take 52 off the exponent
    scratchWords[HI] -= 52 << 20;
    hi = scratchWords[HI];
  }
  // x = 2**k * z with z in [0x1.6p-1, 0x1.6p0); the table entry i brackets z.
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  scratchWords[HI] = hi - (k << 20);
  const z = scratch[0];
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  const r = fma(z, invc, -1.0);
  const w = fma(k, LN2_HI, logc);
  const h = w + r;
  const l = fma(k, LN2_LO, w - h + r);
  const r2 = r * r;
  const A = LOG_POLY;
  const p = fma(r2, fma(r, A[4], A[3]), fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], l)) + h;
}

const LOG1P_LN2_HI = 6.93147180369123816490e-1;
const LOG1P_LN2_LO = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;
const scratchInts = new Int32Array(scratch.buffer);

/**
 * glibc's log1p (sysdeps/ieee754/dbl-64/s_log1p.c: Sun's fdlibm, "Copyright (C) 1993 by Sun Microsystems, Inc.
 * Permission to use, copy, modify, and distribute this software is freely granted, provided that this notice is
 * preserved", with Shimizu's 1997 re-association of the polynomial). Only used on (-1, 0] by PyTorch.
 */
export function glibcLog1p(x: number): number {
  scratch[0] = x;
  const hx = scratchInts[HI];
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x3e200000) {
      // |x| < 2**-29
      if (ax < 0x3c900000) return x;
      return fma(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422: no reduction needed
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      scratch[0] = u;
      hu = scratchInts[HI];
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // what 1 + x lost to rounding
      c /= u;
    } else {
      u = x;
      scratch[0] = u;
      hu = scratchInts[HI];
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    scratch[0] = u;
    if (hu < 0x6a09e) {
      scratchWords[HI] = hu | 0x3ff00000;
    } else {
      k += 1;
      scratchWords[HI] = hu | 0x3fe00000;
      hu = (0x00100000 - hu) >> 2;
    }
    f = scratch[0] - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2**-20
    if (f === 0) {
      if (k === 0) return 0;
      c = fma(k, LOG1P_LN2_LO, c);
      return fma(k, LOG1P_LN2_HI, c);
    }
    // eslint-disable-next-line no-loss-of-precision -- the constant as glibc spells it; it rounds to the same double
    const R = hfsq * fma(-0.66666666666666666, f, 1.0);
    if (k === 0) return f - R;
    return fma(k, LOG1P_LN2_HI, -(R - fma(k, LOG1P_LN2_LO, c) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const R2 = fma(z, LP3, LP2);
  const z4 = z2 * z2;
  const R3 = fma(z, LP5, LP4);
  const z6 = z4 * z2;
  const R4 = fma(z, LP7, LP6);
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  // GCC hoists s*(hfsq+R) out of both branches below, so it is never fused.
  const sr = s * (hfsq + R);
  if (k === 0) return f - (hfsq - sr);
  return fma(k, LOG1P_LN2_HI, -(hfsq - (sr + fma(k, LOG1P_LN2_LO, c)) - f));
}

// ---------------------------------------------------------------------------------------------------------------
// Correctly rounded sin and cos in double precision, written for this project from the mathematics (Cody–Waite
// reduction, a table of sin/cos at multiples of 1/256, Taylor series, and Ziv's rounding test with an exact
// fallback; see J.-M. Muller, "Elementary Functions: Algorithms and Implementation"). glibc's sin/cos are not
// always correctly rounded (up to ~0.55 ulp): on PyTorch's Box–Muller angles 2*pi*u they return the correctly
// rounded double for all but about one argument in 730, and differ from it by one ulp on the rest, so float64
// normals reproduce PyTorch's except for that rare last-bit difference.
//
// Fast path, for 2^-27 <= |x| <= 2^19:
//  1. x = k*pi/2 + r with |r| <= pi/4, r as a double-double rh + rl. pi/2 is split as PIO2_1 + PIO2_2 (33 bits
//     each, so k*PIO2_1 and k*PIO2_2 are exact for |k| < 2^20) + PIO2_3 (k*PIO2_3 formed exactly by Dekker's
//     product) + PIO2_4, leaving under 2^-170; x - k*PIO2_1 is exact (Sterbenz) and the rest is summed with
//     TwoSum, so r is off by less than 2^-150 + 2^-104 |r|, a relative error below 2^-88 for every double in range
//     (none comes within 2^-62 of a multiple of pi/2).
//  2. |r| = a + t with a = j/256 and |t| <= 2^-9; sin a and cos a come from a table of double-doubles, and
//       sin(a + t) = sin a + cos a * t + sin a * (cos t - 1) + cos a * (sin t - t)
//       cos(a + t) = cos a - sin a * t + cos a * (cos t - 1) - sin a * (sin t - t)
//     where cos a * t and sin a * t are exact (Dekker) and the Taylor series of cos t - 1 and sin t - t, terms up to
//     t^6 and t^7, are evaluated in doubles (they are below 2^-19 of the result; the rest below 2^-87).
//  3. Counting every rounding, hi + lo is within 2^-67.4 |result| of the true value (the worst seen on 6 million
//     arguments is 2^-69.5); FAST_PATH_ERR = 2^-66 covers that. If hi + lo - err and hi + lo + err round to the
//     same double, it is the correctly rounded result, since rounding is monotonic; otherwise (about one call in
//     2,500) the exact path decides.
// Exact path: BigInt fixed point with 256 fractional bits: reduction by a 1,408-bit pi/2 (exact for any finite
// double), Taylor series, and Number(bigint), which the language defines to round to nearest. Its error, a few
// units of 2^-256, is below 2^-190 of the result, orders of magnitude closer than sin or cos of any double is
// expected to come to a rounding boundary (about 2^-(53+64+a few) by the usual probabilistic estimate over the
// 2^64 doubles), so its result is the correctly rounded one. It also builds the table and the pi/2 split at load,
// with pi/2 from Machin's formula.
// ---------------------------------------------------------------------------------------------------------------

const FIX_BITS = 256;
const FIX = BigInt(FIX_BITS);
const FIX_ONE = 1n << FIX;
const FIX_ULP = 2 ** -FIX_BITS; // exact
/** Fractional bits of pi/2 for the exact path's reduction: enough for |x| up to 2^1024 with 384 bits left over. */
const PIO2_BITS = 1408;

/** arctan(1/n) with `bits` fractional bits (Gregory's series, each term truncated: error below 2^-(bits - 10)). */
function fixedArctanInv(n: bigint, bits: bigint): bigint {
  const n2 = n * n;
  let power = (1n << bits) / n; // 1/n^(2i+1)
  let sum = power;
  for (let i = 1n; power !== 0n; i++) {
    power /= n2;
    const term = power / (2n * i + 1n);
    sum += i & 1n ? -term : term;
  }
  return sum;
}

/** pi/2 = 8 arctan(1/5) - 2 arctan(1/239) (Machin), with PIO2_BITS fractional bits. */
const PIO2_FIXED = (() => {
  const guard = 16n;
  const bits = BigInt(PIO2_BITS) + guard;
  return (8n * fixedArctanInv(5n, bits) - 2n * fixedArctanInv(239n, bits)) >> guard;
})();

/** Exactly |x| * 2^bits as a BigInt, for finite x whose last mantissa bit is not below 2^-bits. */
function toFixed(x: number, bits: number): bigint {
  scratch[0] = x;
  const hi = scratchWords[HI];
  const biased = (hi >>> 20) & 0x7ff;
  const mantissa = BigInt(hi & 0xfffff) * 4294967296n + BigInt(scratchWords[LO]);
  if (biased === 0) return mantissa >> BigInt(1074 - bits); // subnormal
  const shift = biased - 1075 + bits;
  const m = mantissa + (1n << 52n);
  return shift >= 0 ? m << BigInt(shift) : m >> BigInt(-shift);
}

/** sin and cos of r * 2^-FIX_BITS for |r| * 2^-FIX_BITS <= 1, as fixed-point values (error a few units). */
function fixedSinCos(r: bigint): [bigint, bigint] {
  const r2 = (r * r) >> FIX;
  let s = r;
  let term = r;
  for (let i = 2n; term !== 0n; i += 2n) {
    term = -((term * r2) >> FIX) / (i * (i + 1n));
    s += term;
  }
  let c = FIX_ONE;
  term = FIX_ONE;
  for (let i = 1n; term !== 0n; i += 2n) {
    term = -((term * r2) >> FIX) / (i * (i + 1n));
    c += term;
  }
  return [s, c];
}

export let sinOut = 0;
export let cosOut = 0;

/** Correctly rounded sin(x) and cos(x) into sinOut/cosOut, the slow way, for finite |x| >= 2^-27. */
function sinCosExact(x: number): void {
  const X = toFixed(x, PIO2_BITS);
  const k = (2n * X + PIO2_FIXED) / (2n * PIO2_FIXED); // round(|x| / (pi/2))
  const r = (X - k * PIO2_FIXED) >> BigInt(PIO2_BITS - FIX_BITS); // |r| <= pi/4
  const [s, c] = fixedSinCos(r);
  // Number(bigint) rounds to nearest; the scaling by 2^-256 is exact.
  const sr = Number(s) * FIX_ULP;
  const cr = Number(c) * FIX_ULP;
  const n = Number(k & 3n);
  const sinAbs = n === 0 ? sr : n === 1 ? cr : n === 2 ? -sr : -cr;
  sinOut = x < 0 ? -sinAbs : sinAbs;
  cosOut = n === 0 ? cr : n === 1 ? -sr : n === 2 ? -cr : sr;
}

/** A double as a double-double: correctly rounded hi, then the rounded remainder. */
function fixedToDoubleDouble(v: bigint, out: Float64Array, at: number): void {
  const hi = Number(v) * FIX_ULP;
  const rest = v - (hi < 0 ? -toFixed(hi, FIX_BITS) : toFixed(hi, FIX_BITS));
  out[at] = hi;
  out[at + 1] = Number(rest) * FIX_ULP;
}

/** Veltkamp's split of a double into a 26-bit high part and the rest, so that products of halves are exact. */
function splitHigh(a: number): number {
  const t = SPLITTER * a;
  return t - (t - a);
}

// pi/2 = PIO2_1 + PIO2_2 + PIO2_3 + PIO2_4 (+ < 2^-170), PIO2_1 and PIO2_2 with 33 significant bits at most.
const PIO2_1 = Number(PIO2_FIXED >> BigInt(PIO2_BITS - 32)) * 2 ** -32;
const PIO2_REST_1 = PIO2_FIXED - (PIO2_FIXED >> BigInt(PIO2_BITS - 32) << BigInt(PIO2_BITS - 32));
const PIO2_2 = Number(PIO2_REST_1 >> BigInt(PIO2_BITS - 65)) * 2 ** -65;
const PIO2_REST_2 = PIO2_REST_1 - (PIO2_REST_1 >> BigInt(PIO2_BITS - 65) << BigInt(PIO2_BITS - 65));
const PIO2_3 = Number(PIO2_REST_2 >> BigInt(PIO2_BITS - 118)) * 2 ** -118;
const PIO2_REST_3 = PIO2_REST_2 - (PIO2_REST_2 >> BigInt(PIO2_BITS - 118) << BigInt(PIO2_BITS - 118));
const PIO2_4 = Number(PIO2_REST_3 >> BigInt(PIO2_BITS - FIX_BITS)) * FIX_ULP;
const PIO2_3H = splitHigh(PIO2_3);
const PIO2_3L = PIO2_3 - PIO2_3H;
const TWO_OVER_PI = 0.6366197723675814;
const FAST_PATH_MAX = 524288; // 2^19: |k| < 2^20 keeps the products k * PIO2_n above exact
const TINY = 7.450580596923828e-9; // 2^-27: below it sin(x) rounds to x and cos(x) to 1

// sin and cos of j/256 for j = 0..TABLE_LAST (pi/4 < 202/256): [sin hi, sin lo, cos hi, cos lo, and the high
// halves of sin hi and cos hi for Dekker's product], built once from the exact path by angle addition.
const TABLE_LAST = 202;
const SINCOS_TABLE = new Float64Array((TABLE_LAST + 1) * 6);
(() => {
  const [s1, c1] = fixedSinCos(FIX_ONE >> 8n);
  let s = 0n;
  let c = FIX_ONE;
  for (let j = 0; j <= TABLE_LAST; j++) {
    const o = j * 6;
    fixedToDoubleDouble(s, SINCOS_TABLE, o);
    fixedToDoubleDouble(c, SINCOS_TABLE, o + 2);
    SINCOS_TABLE[o + 4] = splitHigh(SINCOS_TABLE[o]);
    SINCOS_TABLE[o + 5] = splitHigh(SINCOS_TABLE[o + 2]);
    [s, c] = [(s * c1 + c * s1) >> FIX, (c * c1 - s * s1) >> FIX]; // error grows by ~2 units per step
  }
})();

// Taylor coefficients: sin t - t = t^3 (S3 + t^2 (S5 + t^2 S7)), cos t - 1 = t^2 (-1/2 + t^2 (C4 + t^2 C6)); the
// next terms are below 2^-87 relative to the result for |t| <= 2^-9.
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const C4 = 1 / 24;
const C6 = -1 / 720;
/** Relative bound on the fast path's error (see above). */
const FAST_PATH_ERR = 2 ** -66;

/** sin(x) and cos(x), correctly rounded, into sinOut/cosOut. */
export function sinCos(x: number): void {
  const ax = Math.abs(x);
  if (!(ax <= FAST_PATH_MAX)) {
    if (ax === Infinity || x !== x) {
      sinOut = NaN;
      cosOut = NaN;
    } else {
      sinCosExact(x);
    }
    return;
  }
  if (ax < TINY) {
    sinOut = x;
    cosOut = 1;
    return;
  }
  // x = k*pi/2 + (rh + rl)
  const k = Math.round(x * TWO_OVER_PI);
  const a = x - k * PIO2_1;
  const b = -k * PIO2_2;
  const h1 = a + b;
  let bv = h1 - a;
  const l1 = a - (h1 - bv) + (b - bv);
  const c = -k * PIO2_3;
  const cErr = -k * PIO2_3H - c - k * PIO2_3L;
  const h2 = h1 + c;
  bv = h2 - h1;
  const l2 = h1 - (h2 - bv) + (c - bv);
  const lo = l1 + cErr + l2 - k * PIO2_4;
  let rh = h2 + lo;
  bv = rh - h2;
  let rl = h2 - (rh - bv) + (lo - bv);
  const quadrant = k & 3; // k is an integer below 2^20 in magnitude, so & takes it mod 4 (two's complement)
  const rNegative = rh < 0;
  if (rNegative) {
    rh = -rh;
    rl = -rl;
  }

  // |r| = j/256 + (th + tl)
  const j = (rh * 256 + 0.5) | 0;
  const t0 = rh - j * 0.00390625; // exact
  const th = t0 + rl;
  bv = th - t0;
  const tl = t0 - (th - bv) + (rl - bv);
  const o = j * 6;
  const sh = SINCOS_TABLE[o];
  const sl = SINCOS_TABLE[o + 1];
  const ch = SINCOS_TABLE[o + 2];
  const cl = SINCOS_TABLE[o + 3];
  const shH = SINCOS_TABLE[o + 4];
  const shL = sh - shH;
  const chH = SINCOS_TABLE[o + 5];
  const chL = ch - chH;
  const thH = splitHigh(th);
  const thL = th - thH;
  const z = th * th;
  const sinM1 = th * z * (S3 + z * (S5 + z * S7)); // sin t - t
  const cosM1 = z * (-0.5 + z * (C4 + z * C6)) - th * tl; // cos t - 1
  // sin a * t and cos a * t exactly, as p + pErr
  const ps = sh * th;
  const psErr = shH * thH - ps + shH * thL + shL * thH + shL * thL;
  const pc = ch * th;
  const pcErr = chH * thH - pc + chH * thL + chL * thH + chL * thL;

  // sin r = sh + pc + small
  let hi = sh + pc;
  bv = hi - sh;
  let small = sh * cosM1 + ch * sinM1 + (sl + cl * th + ch * tl + pcErr) + (sh - (hi - bv) + (pc - bv));
  const sinHi = hi + small;
  const sinLo = small - (sinHi - hi);
  // cos r = ch - ps + small
  hi = ch - ps;
  bv = hi - ch;
  small = ch * cosM1 - sh * sinM1 + (cl - sl * th - sh * tl - psErr) + (ch - (hi - bv) - (ps + bv));
  const cosHi = hi + small;
  const cosLo = small - (cosHi - hi);

  // Round, or settle it exactly when the error bound straddles a rounding boundary.
  let err = Math.abs(sinHi) * FAST_PATH_ERR;
  const sinR = sinHi + (sinLo - err);
  if (sinR !== sinHi + (sinLo + err)) {
    sinCosExact(x);
    return;
  }
  err = cosHi * FAST_PATH_ERR;
  const cosR = cosHi + (cosLo - err);
  if (cosR !== cosHi + (cosLo + err)) {
    sinCosExact(x);
    return;
  }
  const sinRs = rNegative ? -sinR : sinR;
  sinOut = quadrant === 0 ? sinRs : quadrant === 1 ? cosR : quadrant === 2 ? -sinRs : -cosR;
  cosOut = quadrant === 0 ? cosR : quadrant === 1 ? -sinRs : quadrant === 2 ? -cosR : sinRs;
}

function sin64(x: number): number {
  sinCos(x);
  return sinOut;
}

function cos64(x: number): number {
  sinCos(x);
  return cosOut;
}

/**
 * The libm functions PyTorch's float64 sampling relies on, exposed so tests can pin them to glibc's results:
 * log and log1p bit for bit, sin and cos correctly rounded (which glibc's are, except rarely by one ulp).
 */
export const glibcMath = { log: glibcLog, log1p: glibcLog1p, sin: sin64, cos: cos64 } as const;

// ---------------------------------------------------------------------------------------------------------------
// The single-precision log and sincos of PyTorch's aten/src/ATen/native/cpu/avx_mathfun.h (Julien Pommier's
// sse_mathfun ported to AVX by Giovanni Garberoglio, zlib licence; this is an altered, scalar TypeScript version),
// which `normal_fill_16_AVX2` applies to 8 lanes at a time. Every intrinsic is one float32 rounding; where GCC
// fused an _mm256_mul_ps into the following _mm256_add_ps/_mm256_sub_ps (PyTorch builds that file with -mfma and
// contraction on), the code uses fmaf. The pattern was pinned down against PyTorch's own randn output.
// ---------------------------------------------------------------------------------------------------------------

const f32 = Math.fround;
const f32Scratch = new Float32Array(1);
const f32Bits = new Uint32Array(f32Scratch.buffer);

// eslint-disable-next-line no-loss-of-precision -- Cephes' constants as Cephes spells them; f32() rounds them
const CEPHES_SQRTHF = f32(0.707106781186547524);
const CEPHES_LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f32);
const CEPHES_LOG_Q1 = f32(-2.1219444e-4);
const CEPHES_LOG_Q2 = f32(0.693359375);
const MIN_NORM_POS = 1.1754943508222875e-38; // float32 0x00800000

/** log256_ps for one lane (x > 0; Box–Muller only passes (0, 1]). */
export function logAvx(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x < MIN_NORM_POS) x = MIN_NORM_POS;
  f32Scratch[0] = x;
  const bits = f32Bits[0];
  let e = f32((bits >>> 23) - 0x7f);
  f32Bits[0] = (bits & ~0x7f800000) | 0x3f000000; // mantissa of x with exponent of 0.5
  x = f32Scratch[0];
  e = f32(e + 1);
  // if (x < SQRTHF) { e -= 1; x = x + x - 1 } else { x = x - 1 }, done branch-free in the original.
  const below = x < CEPHES_SQRTHF;
  const tmp = below ? x : 0;
  x = f32(x - 1);
  e = f32(e - (below ? 1 : 0));
  x = f32(x + tmp);
  const z = f32(x * x);
  const P = CEPHES_LOG_P;
  let y = P[0];
  for (let i = 1; i < 9; i++) y = fmaf(y, x, P[i]);
  y = f32(y * x);
  y = fmaf(y, z, f32(e * CEPHES_LOG_Q1));
  y = fmaf(-z, 0.5, y);
  x = f32(x + y);
  return fmaf(e, CEPHES_LOG_Q2, x);
}

const MINUS_DP1 = f32(-0.78515625);
const MINUS_DP2 = f32(-2.4187564849853515625e-4);
// eslint-disable-next-line no-loss-of-precision -- as Cephes spells it; f32() rounds it
const MINUS_DP3 = f32(-3.77489497744594108e-8);
const SINCOF_P0 = f32(-1.9515295891e-4);
const SINCOF_P1 = f32(8.3321608736e-3);
const SINCOF_P2 = f32(-1.6666654611e-1);
const COSCOF_P0 = f32(2.443315711809948e-5);
const COSCOF_P1 = f32(-1.388731625493765e-3);
const COSCOF_P2 = f32(4.166664568298827e-2);
const CEPHES_FOPI = f32(1.27323954473516); // 4/pi

export let sinAvxOut = 0;
export let cosAvxOut = 0;

/** sincos256_ps for one lane; results land in sinAvxOut/cosAvxOut to avoid allocating a pair per call. */
export function sinCosAvx(x: number): void {
  let signSin = x < 0 || Object.is(x, -0);
  x = Math.abs(x);
  let j = Math.trunc(f32(x * CEPHES_FOPI)) | 0;
  j = (j + 1) & ~1;
  const y = f32(j);
  const swapSignSin = (j & 4) !== 0;
  const polyIsSin = (j & 2) === 0;
  const signCos = (~(j - 2) & 4) !== 0;
  signSin = signSin !== swapSignSin;
  // x - y*pi/4 in three steps ("extended precision modular arithmetic").
  x = fmaf(y, MINUS_DP1, x);
  x = fmaf(y, MINUS_DP2, x);
  x = fmaf(y, MINUS_DP3, x);
  const z = f32(x * x);
  let yc = fmaf(fmaf(COSCOF_P0, z, COSCOF_P1), z, COSCOF_P2);
  yc = f32(yc * z);
  yc = fmaf(yc, z, -f32(z * 0.5));
  yc = f32(yc + 1);
  let ys = fmaf(fmaf(SINCOF_P0, z, SINCOF_P1), z, SINCOF_P2);
  ys = f32(ys * z);
  ys = fmaf(ys, x, x);
  // The original selects with masks and then adds/subtracts zeros; the same float32 operations are kept so that
  // signed zeros come out as they do there.
  const ysin2 = polyIsSin ? ys : 0;
  const ysin1 = polyIsSin ? 0 : yc;
  const s = f32(ysin1 + ysin2);
  const c = f32(f32(yc - ysin1) + f32(ys - ysin2));
  sinAvxOut = signSin ? -s : s;
  cosAvxOut = signCos ? -c : c;
}
