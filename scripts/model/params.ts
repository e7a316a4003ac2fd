/**
 * @fileoverview The unpublished parameters of the method (data/params/<edition>.json, validated by
 * scripts/load/params.ts): the IIoT shares S_k of the related sub-sectors, the technology multiplier, and CF of the
 * new-infrastructure module. Each carries its provenance, so the methodology appendix can say where it came from.
 */

/** The technology multiplier μ_n (methodology §1.3.3). */
export interface MultiplierParams {
  /**
   * "calibrated": the values below, fitted to the edition's targets (the editions' μ ≈ 1.07–1.13 cannot be
   * recovered from public macro data). "cobb-douglas": μ_n = γ_n / γ_{n−1} from the production-function fit.
   */
  source: "calibrated" | "cobb-douglas";
  /** Whether μ also scales the direct contribution rates (the evidence of §1.2 says it does). */
  appliesToDirect: boolean;
  /** μ_n for every year after the base year up to the forecast year (used when source = "calibrated"). */
  values: Record<string, number>;
  provenance: string;
}

export interface Params {
  edition: number;
  /** How the file was produced (command and targets). */
  provenance: string;
  shares: {
    /** S_k by IO product code ("088"). */
    values: Record<string, number>;
    /** ρ of the calibration's pull towards a common share. */
    regularisation: number;
    provenance: string;
  };
  multiplier: MultiplierParams;
  cobbDouglas: {
    /** Fit window of the OLS (2007–2016 in both appendices, the years before the IIoT strategy, γ ≡ 1). */
    fitYears: [number, number];
    provenance: string;
  };
  /** CF of CI = CF · ΔII (2020 edition). */
  newInfrastructure?: {cf: number; provenance: string};
  /** The calibration's fit, written by `npm run calibrate` for the record (not read by the model). */
  fit?: FitLine[];
}

export interface FitLine {
  record: string;
  target: number;
  fitted: number;
  /** (fitted − target) / target, %. */
  diffPct: number;
}
