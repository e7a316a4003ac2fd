/**
 * @fileoverview The unpublished parameters of the method (data/params/<edition>.json, validated by
 * scripts/load/params.ts): the IIoT shares S_k of the related sub-sectors, the technology multiplier, and CF of the
 * new-infrastructure module. Each carries its provenance, so the methodology appendix can say where it came from.
 */

/** The technology multiplier μ_n (methodology §1.3.3). */
export interface MultiplierParams {
  /** Whether μ also scales the direct contribution rates (the evidence of §1.2 says it does). */
  appliesToDirect: boolean;
  /** μ_n of every year whose rule (edition config multiplier.rules) is "calibrated". */
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
  /**
   * Hash of what the parameters were fitted to (targets, rules, years, the inputs the model reads), written by
   * `npm run calibrate`; a build warns when it no longer matches (scripts/pipeline/calibration-fingerprint.ts).
   */
  fingerprint?: string;
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
