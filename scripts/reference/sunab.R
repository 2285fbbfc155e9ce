# Reference numbers for the Sun–Abraham tests (issue #15): the saturated cohort x relative-time
# regression built by hand (fixest::sunab is not in Debian), as did.R does for the DID.
#   estimation sample = rows with y and x observed;
#   no never-treated units: the last-treated cohort is the control and every year from its first
#     treated year on is dropped (eventstudyinteract's rule);
#   always-treated units (no estimation-sample row before their first treated year) are dropped;
#   lm(y ~ factor(unit) + factor(year) + cells + x): cells collinear with the effects come out NA;
#   cluster-by-unit covariance with Stata's xtreg factor G/(G-1)*(N-1)/(N-K), K = slopes + T;
#   per relative time r in [-4, 4] \ {-1} (endpoints bin everything beyond them):
#     beta_r = sum_e w_er delta_er, w_er = cell count / count of the kept cells in the bin,
#     SE sqrt(w'Vw); pre-trend Wald on the aggregated leads, F = W/q with (q, G-1) df;
#   postAverage: every kept cell with r >= 0, weights = cell counts / their total, SE sqrt(w'Vw).
# Run: Rscript scripts/reference/sunab.R   (R 4.x base only)
fmt <- function(x) format(x, digits = 15)
js <- function(v) paste(sprintf('"%s"', v), collapse = ", ")
sunab <- function(file, leads = 4, lags = 4, ref = -1) {
  d <- read.csv(file.path("test/fixtures", file))
  d$first <- ifelse(is.na(d$first_treat) | d$first_treat == 0, NA, d$first_treat)
  d <- d[!is.na(d$y) & !is.na(d$x), ]
  control <- "never-treated"; last <- NA
  if (!any(is.na(d$first))) {
    last <- max(d$first); d <- d[d$year < last, ]; control <- "last-treated"
  }
  minT <- ave(d$year, d$unit, FUN = min)
  always <- sort(unique(d$unit[!is.na(d$first) & minT >= d$first]))
  d <- d[!(d$unit %in% always), ]
  d$rel <- d$year - d$first
  treated <- !is.na(d$first) & (is.na(last) | d$first != last)
  cells <- unique(d[treated & d$rel != ref, c("first", "rel")])
  cells <- cells[order(cells$first, cells$rel), ]
  nm <- sprintf("sa_%d_%s%d", cells$first, ifelse(cells$rel < 0, "m", "p"), abs(cells$rel))
  for (j in seq_len(nrow(cells))) d[[nm[j]]] <- as.numeric(treated & d$first == cells$first[j] & d$rel == cells$rel[j])
  m <- lm(as.formula(paste("y ~ factor(unit) + factor(year) +", paste(c(nm, "x"), collapse = " + "))), data = d)
  b <- coef(m)
  kept <- nm[!is.na(b[nm])]; collinear <- nm[is.na(b[nm])]
  X <- model.matrix(m)[, !is.na(b)]; u <- resid(m)
  bread <- solve(crossprod(X)); S <- rowsum(X * u, d$unit)
  N <- nrow(d); G <- length(unique(d$unit)); T <- length(unique(d$year)); k <- length(kept) + 1
  V <- bread %*% crossprod(S) %*% bread * G / (G - 1) * (N - 1) / (N - (k + T))
  counts <- colSums(d[, kept, drop = FALSE])
  relk <- cells$rel[match(kept, nm)]
  bin <- pmin(pmax(relk, -leads), lags)
  agg <- list(); pre <- c(); W <- NULL
  for (r in setdiff(-leads:lags, ref)) {
    mem <- kept[bin == r]; if (length(mem) == 0) next
    w <- counts[mem] / sum(counts[mem])
    est <- sum(w * b[mem]); se <- sqrt(drop(t(w) %*% V[mem, mem, drop = FALSE] %*% w))
    agg[[as.character(r)]] <- c(est, se)
    if (r < ref) { row <- setNames(rep(0, length(kept)), kept); row[mem] <- w; W <- rbind(W, row); pre <- c(pre, est) }
  }
  VW <- W %*% V[kept, kept] %*% t(W)
  chi2 <- drop(t(pre) %*% solve(VW) %*% pre); q <- length(pre)
  post <- kept[relk >= 0]; wp <- counts[post] / sum(counts[post])
  pa <- sum(wp * b[post]); pase <- sqrt(drop(t(wp) %*% V[post, post] %*% wp))
  sprintf('"%s": {"n_obs": %d, "n_groups": %d, "n_periods": %d, "control": "%s", "always_treated": [%s], "collinear": [%s], "sunab": {%s}, "pretrend": {"F": %s, "df1": %d, "df2": %d, "p": %s, "chi2": %s}, "post_average": {"estimate": %s, "se": %s}}',
    file, N, G, T, control, if (length(always)) js(always) else "", if (length(collinear)) js(collinear) else "",
    paste(sprintf('"%s": {"estimate": %s, "se": %s}', names(agg), sapply(agg, function(a) fmt(a[1])), sapply(agg, function(a) fmt(a[2]))), collapse = ", "),
    fmt(chi2 / q), q, G - 1, fmt(pf(chi2 / q, q, G - 1, lower.tail = FALSE)), fmt(chi2), fmt(pa), fmt(pase))
}
blocks <- c(sunab("sunab_unbalanced.csv"), sunab("sunab_always.csv"), sunab("sunab_nonever.csv"))
cat(sprintf('{"software": "%s (lm, hand-built saturated Sun-Abraham regression)", "script": "scripts/reference/sunab.R", "leads": 4, "lags": 4, "reference": -1, "cases": {%s}}\n',
  R.version.string, paste(blocks, collapse = ", ")), file = "test/fixtures/reference.sunab.json")
