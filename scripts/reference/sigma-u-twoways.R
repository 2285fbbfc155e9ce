# Reference numbers for sigma_u and rho of two-way fixed effects (Stata `xtreg y x i.year, fe`):
# sigma_u = SD (denominator G-1) of the entity effects of the dummy-variable regression
# lm(y ~ x + factor(entity) + factor(year)) — any normalisation of the dummies shifts every
# entity effect by the same constant, so the SD is Stata's u_i = ybar_i - xbar_i'b - dbar_i'g - _cons;
# sigma_e = sqrt(SSR / (N - G - T + 1 - k)); rho = sigma_u^2 / (sigma_u^2 + sigma_e^2).
# Cross-checked with plm: sd(fixef(within twoways model, effect = "individual")).
# Run: Rscript scripts/reference/sigma-u-twoways.R   (R 4.2, plm 2.6 from Debian's packages)
suppressMessages(library(plm))
fmt <- function(x) format(x, digits = 15)
case <- function(file) {
  d <- read.csv(file.path("test/fixtures", file))
  lsdv <- lm(inv ~ value + capital + factor(firm) + factor(year), data = d)
  cf <- coef(lsdv)
  firms <- sort(unique(d$firm))
  alpha <- c(0, cf[paste0("factor(firm)", firms[-1])])
  su <- sd(alpha)
  G <- length(firms); T <- length(unique(d$year)); N <- nrow(d); k <- 2
  se <- sqrt(sum(resid(lsdv)^2) / (N - G - T + 1 - k))
  w <- plm(inv ~ value + capital, data = pdata.frame(d, index = c("firm", "year")), model = "within", effect = "twoways")
  su_plm <- sd(fixef(w, effect = "individual"))
  sprintf('"%s": {"n_obs": %d, "n_groups": %d, "n_periods": %d, "coefficients": {"value": %s, "capital": %s}, "sigma_u": %s, "sigma_u_plm_fixef": %s, "sigma_e": %s, "rho": %s}',
    file, N, G, T, fmt(cf["value"]), fmt(cf["capital"]), fmt(su), fmt(su_plm), fmt(se), fmt(su^2 / (su^2 + se^2)))
}
blocks <- c(case("grunfeld.csv"), case("grunfeld_unbalanced.csv"))
cat(sprintf('{"software": "%s, plm %s", "script": "scripts/reference/sigma-u-twoways.R", "definition": "sigma_u = sd (G-1) of the entity effects of lm(inv ~ value + capital + factor(firm) + factor(year)); sigma_e = sqrt(SSR/(N-G-T+1-k)); rho = sigma_u^2/(sigma_u^2+sigma_e^2)", "cases": {%s}}\n',
  R.version.string, packageVersion("plm"), paste(blocks, collapse = ", ")),
  file = "test/fixtures/reference.sigma-u-twoways.json")
