# Reference numbers for the DID tests: plm two-way FE with the treated x post column, cluster-by-unit
# SEs with Stata's xtreg factor G/(G-1)*(N-1)/(N-K), K = slopes + T (slopes + (T-1) year dummies + 1).
# Run: Rscript scripts/reference/did.R   (R 4.2, plm 2.6, sandwich, lmtest from Debian's packages)
suppressMessages({ library(plm); library(lmtest) })
fmt <- function(x) format(x, digits = 15)
case <- function(file, formula) {
  d <- read.csv(file.path("test/fixtures", file))
  m <- plm(as.formula(formula), data = pdata.frame(d, index = c("unit", "year")), model = "within", effect = "twoways")
  N <- nobs(m); G <- length(unique(d$unit)); T <- length(unique(d$year)); k <- length(coef(m))
  V0 <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group")
  f <- G / (G - 1) * (N - 1) / (N - (k + T))
  se <- sqrt(diag(V0 * f))
  p <- 2 * pt(-abs(coef(m) / se), G - 1)
  sprintf('"%s": {"r_call": "plm(%s, model=\'within\', effect=\'twoways\'); vcovHC(arellano, HC0) * G/(G-1)*(N-1)/(N-K), K = k + T", "n_obs": %d, "n_groups": %d, "n_periods": %d, "coefficients": {%s}, "se_cluster_stata": {%s}, "p_t_G_minus_1": {%s}, "se_classical": {%s}}',
    file, formula, N, G, T,
    paste(sprintf('"%s": %s', names(coef(m)), fmt(coef(m))), collapse = ", "),
    paste(sprintf('"%s": %s', names(se), fmt(se)), collapse = ", "),
    paste(sprintf('"%s": %s', names(p), fmt(p)), collapse = ", "),
    paste(sprintf('"%s": %s', names(coef(m)), fmt(sqrt(diag(vcov(m))))), collapse = ", "))
}
blocks <- c(case("did_common.csv", "y ~ d + x"), case("did_staggered.csv", "y ~ d + x"))
cat(sprintf('{"software": "%s, plm %s, sandwich %s", "script": "scripts/reference/did.R", "cases": {%s}}\n',
  R.version.string, packageVersion("plm"), packageVersion("sandwich"), paste(blocks, collapse = ", ")),
  file = "test/fixtures/reference.did.json")
