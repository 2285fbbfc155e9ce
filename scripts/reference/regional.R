# Reference values for the regional-analysis module (src/core/regional), written in base R from
# the formulas of DESIGN.md "Regional analysis" — no package, independent of the TypeScript code:
# coupling coordination, entropy-TOPSIS, Dagum (1997) Gini decomposition, Theil split, Gaussian
# kernel densities with bw.nrd0. Inputs: test/fixtures/regional_sample.csv (the sample's indices,
# written by scripts/reference/write-regional-data.ts) and test/fixtures/cigar.csv.
# Run from the repository root: Rscript scripts/reference/regional.R
# Output: test/fixtures/reference.regional.json (numbers with 17 significant digits).

to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    body <- vapply(x, to_json, "")
    if (is.null(nm)) return(paste0("[", paste(body, collapse = ","), "]"))
    return(paste0("{", paste0('"', nm, '":', body, collapse = ","), "}"))
  }
  one <- function(v) {
    if (is.na(v)) return("null")
    if (is.character(v)) return(paste0('"', v, '"'))
    if (is.logical(v)) return(if (v) "true" else "false")
    sprintf("%.17g", v)
  }
  s <- vapply(x, one, "")
  if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]")
}
arr <- function(v) { attr(v, "array") <- TRUE; v }

# ---- coupling coordination: C = n (prod U)^(1/n) / sum U, T = sum alpha U, D = sqrt(C T) ----
coupling <- function(U, alpha = rep(1 / ncol(U), ncol(U))) {
  ok <- complete.cases(U)
  U <- U[ok, , drop = FALSE]
  n <- ncol(U)
  C <- n * apply(U, 1, prod)^(1 / n) / rowSums(U)
  T <- as.vector(U %*% alpha)
  D <- sqrt(C * T)
  level <- 1 + vapply(D, function(d) sum(d >= (1:9) / 10), 0)
  list(rows = which(ok) - 1, C = arr(C), T = arr(T), D = arr(D), level = arr(level))
}

# ---- entropy standardisation and weights (eq. 1-6), then TOPSIS on one block of rows ----
entropy_block <- function(X, negative, shift) {
  Xs <- X
  for (j in seq_len(ncol(X))) {
    lo <- min(X[, j]); hi <- max(X[, j])
    Xs[, j] <- if (negative[j]) (hi - X[, j]) / (hi - lo) else (X[, j] - lo) / (hi - lo)
  }
  P <- sweep(Xs + shift, 2, colSums(Xs + shift), "/")
  e <- -colSums(P * log(P)) / log(nrow(X))
  d <- 1 - e
  list(xs = Xs, w = d / sum(d))
}
topsis_block <- function(X, negative, shift) {
  b <- entropy_block(X, negative, shift)
  V <- sweep(b$xs, 2, b$w, "*")
  vp <- apply(V, 2, max); vm <- apply(V, 2, min)
  dp <- sqrt(rowSums(sweep(V, 2, vp)^2)); dm <- sqrt(rowSums(sweep(V, 2, vm)^2))
  list(w = b$w, dPlus = dp, dMinus = dm, closeness = dm / (dp + dm))
}
# blocks: a list of row-index vectors into the complete-case data
topsis <- function(X, negative, time, blocks, shift = 1e-4) {
  ok <- complete.cases(X)
  X <- X[ok, , drop = FALSE]; time <- time[ok]
  m <- nrow(X)
  dp <- dm <- cl <- rep(NA_real_, m)
  weights <- list()
  for (nm in names(blocks)) {
    r <- blocks[[nm]](time)
    t <- topsis_block(X[r, , drop = FALSE], negative, shift)
    dp[r] <- t$dPlus; dm[r] <- t$dMinus; cl[r] <- t$closeness
    weights[[nm]] <- arr(unname(t$w))
  }
  keep <- !is.na(cl)
  rank <- rep(NA_real_, m)
  for (t in unique(time[keep])) { r <- which(time == t & keep); rank[r] <- rank(-cl[r], ties.method = "min") }
  list(rows = arr(which(ok)[keep] - 1), weights = weights, dPlus = arr(dp[keep]), dMinus = arr(dm[keep]), closeness = arr(cl[keep]), rank = arr(rank[keep]))
}
pooled_blocks <- list(pooled = function(time) seq_along(time))
year_blocks <- function(years) setNames(lapply(years, function(y) function(time) which(time == y)), years)
period_blocks <- function(periods) setNames(lapply(periods, function(p) function(time) which(time >= p[1] & time <= p[2])), vapply(periods, function(p) if (p[1] == p[2]) as.character(p[1]) else paste0(p[1], "-", p[2]), ""))

# ---- Dagum (1997) Gini decomposition for one cross-section ----
dagum <- function(y, g) {
  n <- length(y); mu <- mean(y)
  G <- sum(abs(outer(y, y, "-"))) / (2 * n^2 * mu)
  groups <- unique(g)
  means <- vapply(groups, function(k) mean(y[g == k]), 0)
  groups <- groups[order(-means)]; means <- sort(means, decreasing = TRUE)
  nj <- vapply(groups, function(k) sum(g == k), 0)
  p <- nj / n; s <- nj * means / (n * mu)
  within <- list(); between <- list(); affl <- list()
  Gw <- 0; Gnb <- 0; Gt <- 0
  for (j in seq_along(groups)) {
    yj <- y[g == groups[j]]
    Gjj <- sum(abs(outer(yj, yj, "-"))) / (2 * nj[j]^2 * means[j])
    within[[groups[j]]] <- Gjj
    Gw <- Gw + Gjj * p[j] * s[j]
  }
  for (j in seq_along(groups)) for (h in seq_along(groups)) if (j < h) {
    yj <- y[g == groups[j]]; yh <- y[g == groups[h]]
    dif <- outer(yj, yh, "-")
    Gjh <- sum(abs(dif)) / (nj[j] * nj[h] * (means[j] + means[h]))
    d <- sum(pmax(dif, 0)) / (nj[j] * nj[h]); pp <- sum(pmax(-dif, 0)) / (nj[j] * nj[h])
    D <- if (d + pp > 0) (d - pp) / (d + pp) else 0
    key <- paste0(groups[j], "|", groups[h])
    between[[key]] <- Gjh; affl[[key]] <- D
    wgt <- p[j] * s[h] + p[h] * s[j]
    Gnb <- Gnb + Gjh * wgt * D
    Gt <- Gt + Gjh * wgt * (1 - D)
  }
  list(G = G, Gw = unname(Gw), Gnb = unname(Gnb), Gt = unname(Gt), within = within, between = between, affluence = affl)
}
theil <- function(y, g) {
  mu <- mean(y); T <- mean(y / mu * log(y / mu))
  w <- 0; b <- 0
  for (k in unique(g)) {
    yk <- y[g == k]; mk <- mean(yk); sk <- length(yk) * mk / (length(y) * mu)
    w <- w + sk * mean(yk / mk * log(yk / mk)); b <- b + sk * log1p((mk - mu) / mu)  # ln(mk/mu), accurate when the ratio is near 1
  }
  list(total = T, within = w, between = b)
}
by_year <- function(y, g, time, f) {
  ok <- !is.na(y) & !is.na(g)
  lapply(sort(unique(time[ok])), function(t) { r <- ok & time == t; c(list(time = t), f(y[r], g[r])) })
}

# ---- Gaussian kernel density, bandwidth 0.9 min(sd, IQR/1.34) n^(-1/5), exact on a grid ----
kde <- function(x, points = 512) {
  n <- length(x)
  lo <- min(sd(x), (quantile(x, 0.75, type = 7, names = FALSE) - quantile(x, 0.25, type = 7, names = FALSE)) / 1.34)
  if (!lo) lo <- if (sd(x)) sd(x) else if (abs(x[1])) abs(x[1]) else 1
  h <- 0.9 * lo * n^(-0.2)
  gx <- seq(min(x) - 3 * h, max(x) + 3 * h, length.out = points)
  gy <- vapply(gx, function(a) sum(exp(-0.5 * ((a - x) / h)^2)) / (n * h * sqrt(2 * pi)), 0)
  list(bandwidth = h, bw_nrd0 = bw.nrd0(x), n = n, x = arr(gx), y = arr(gy))
}
densities <- function(v, time, years) lapply(years, function(t) c(list(time = t), kde(v[time == t & !is.na(v)])))

# ================= the sample's indices =================
s <- read.csv("test/fixtures/regional_sample.csv", stringsAsFactors = FALSE)
xs <- as.matrix(s[, paste0("x", 1:9)])
neg9 <- c(FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE)
sample_out <- list(
  coupling3 = coupling(as.matrix(s[, c("fi", "rcd", "dig")])),
  coupling2 = coupling(as.matrix(s[, c("fi", "dig")]), c(0.6, 0.4)),
  topsis_pooled = topsis(xs, neg9, s$year, pooled_blocks),
  topsis_year = topsis(xs, neg9, s$year, year_blocks(sort(unique(s$year)))),
  dagum_region4 = by_year(s$fi, s$region4, s$year, dagum),
  dagum_southnorth = by_year(s$rcd, s$southnorth, s$year, dagum),
  theil_region4 = by_year(s$fi, s$region4, s$year, theil),
  density = densities(s$fi, s$year, c(2003, 2013, 2023))
)

# ================= Cigar =================
cg <- read.csv("test/fixtures/cigar.csv")
mm <- function(v) (v - min(v)) / (max(v) - min(v))
cgroup <- paste0("g", cg$state %% 3)
cigar_out <- list(
  coupling3 = coupling(cbind(mm(cg$ndi), mm(cg$sales), mm(cg$pop))),
  coupling2 = coupling(cbind(mm(cg$ndi), mm(cg$sales)), c(0.3, 0.7)),
  topsis_pooled = topsis(as.matrix(cg[, c("price", "pop", "ndi", "sales")]), c(TRUE, FALSE, FALSE, FALSE), cg$year, pooled_blocks),
  topsis_year = topsis(as.matrix(cg[, c("price", "pop", "ndi", "sales")]), c(TRUE, FALSE, FALSE, FALSE), cg$year, year_blocks(1963:1992)),
  topsis_periods = topsis(as.matrix(cg[, c("price", "pop", "ndi", "sales")]), c(TRUE, FALSE, FALSE, FALSE), cg$year, period_blocks(list(c(1963, 1963), c(1964, 1980), c(1981, 1992)))),
  dagum = by_year(cg$sales, cgroup, cg$year, dagum),
  theil = by_year(cg$sales, cgroup, cg$year, theil),
  density = densities(cg$sales, cg$year, c(1963, 1977, 1992))
)

out <- list(
  r_version = R.version.string,
  generated_by = "scripts/reference/regional.R (base R, from the formulas)",
  sample = sample_out,
  cigar = cigar_out
)
writeLines(to_json(out), "test/fixtures/reference.regional.json")
cat("wrote test/fixtures/reference.regional.json\n")
