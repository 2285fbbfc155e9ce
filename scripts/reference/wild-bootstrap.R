# Reference numbers for the wild cluster bootstrap tests (restricted WCR, null imposed), written in
# base R from the published algorithm (Cameron, Gelbach & Miller 2008; MacKinnon & Webb 2017;
# Roodman, MacKinnon, Nielsen & Webb 2019) by brute force: every draw builds y*, projects it off the
# fixed effects with the explicit n x n annihilator M_D = I - D (D'D)^-1 D' of the dummy matrix,
# refits OLS and recomputes the CRV1 SE. No package and none of the TypeScript algebra (the TS code
# uses per-cluster cross-products; this script forms every bootstrap sample).
#
# Conventions (DESIGN.md "Wild cluster bootstrap"):
# - CRV1 with Stata's xtreg factor G/(G-1)(N-1)/(N-K): K = k + 1 (pooled, one-way FE), k + T (two-way);
# - Rademacher enumeration when 2^G <= B: draw b has v_g = -1 when bit g of b is set (g = cluster
#   in order of first appearance), so draw 0 is all ones;
# - p = #{b : |t*_b| >= |t| (1 - 1e-9)} / reps (ties count, the all-ones draw included);
# - CI: beta0 not rejected while p(beta0) > 1 - level; search = steps se * 2^m outward until
#   rejected, a 512-step grid between the brackets, bisection to 1e-11 relative.
# - Random draws (31-cluster case): R's own RNG, 99,999 draws plus the all-ones draw; the TS test
#   checks its seeded p within Monte-Carlo error of this one.
#
# Run from the repository root: Rscript scripts/reference/wild-bootstrap.R   (R >= 4.2, base only)
# Writes test/fixtures/cigar31.csv (first 31 states of cigar.csv, 1963-1983: the 31 x 21 shape)
# and test/fixtures/reference.wild-bootstrap.json.

fmt <- function(x) ifelse(is.na(x), "null", formatC(x, digits = 17, format = "g"))
TIE <- 1e-9

# Annihilator of the fixed effects for pooled ("none"), one-way ("individual") and two-way FE.
annihilator <- function(d, id, time, effect) {
  n <- nrow(d)
  if (effect == "none") return(diag(n))
  ent <- factor(d[[id]], levels = unique(d[[id]]))
  D <- model.matrix(~ ent - 1)
  if (effect == "twoways") {
    per <- factor(d[[time]], levels = unique(d[[time]]))
    P <- model.matrix(~ per - 1)[, -1, drop = FALSE]
    D <- cbind(D, P)
  }
  diag(n) - D %*% solve(crossprod(D), t(D))
}

# Everything one case needs, with an apply-M_D function (matrix or balanced closed form).
setup <- function(d, id, time, y, xs, effect, closedForm = FALSE) {
  n <- nrow(d)
  cl <- as.integer(factor(d[[id]], levels = unique(d[[id]])))
  G <- max(cl)
  Tn <- length(unique(d[[time]]))
  X <- as.matrix(d[, xs, drop = FALSE])
  if (effect == "none") X <- cbind(`_cons` = 1, X)
  if (closedForm) {
    # Balanced two-way: w - entity means - period means + grand mean (checked against M_D below).
    per <- as.integer(factor(d[[time]], levels = unique(d[[time]])))
    MD <- function(W) {
      W <- as.matrix(W)
      me <- rowsum(W, cl) / as.vector(table(cl))
      mt <- rowsum(W, per) / as.vector(table(per))
      W - me[cl, , drop = FALSE] - mt[per, , drop = FALSE] + matrix(colMeans(W), n, ncol(W), byrow = TRUE)
    }
    M <- annihilator(d, id, time, effect)
    w <- matrix(sin(seq_len(n * 2)), n, 2)
    stopifnot(max(abs(M %*% w - MD(w))) < 1e-10)
  } else {
    M <- annihilator(d, id, time, effect)
    MD <- function(W) M %*% W
  }
  Xt <- MD(X); colnames(Xt) <- colnames(X)
  yt <- as.vector(MD(d[[y]]))
  N <- n; k <- length(xs)
  K <- if (effect == "twoways") k + Tn else k + 1
  f <- G / (G - 1) * (N - 1) / (N - K)
  A <- solve(crossprod(Xt))
  b <- as.vector(A %*% crossprod(Xt, yt)); names(b) <- colnames(Xt)
  e <- yt - as.vector(Xt %*% b)
  meat <- matrix(0, ncol(Xt), ncol(Xt))
  for (g in 1:G) {
    s <- crossprod(Xt[cl == g, , drop = FALSE], e[cl == g])
    meat <- meat + s %*% t(s)
  }
  V <- f * A %*% meat %*% A
  se <- sqrt(diag(V)); names(se) <- colnames(Xt)
  list(Xt = Xt, yt = yt, cl = cl, G = G, f = f, A = A, b = b, se = se, MD = MD, N = N)
}

# t*_b(beta0) for all draws in V (G x B): brute-force y*, projection, refit, CRV1.
tstars <- function(s, term, beta0, V) {
  j <- match(term, colnames(s$Xt))
  Xo <- s$Xt[, -j, drop = FALSE]
  y0 <- s$yt - beta0 * s$Xt[, j]
  if (ncol(Xo) > 0) {
    bt <- solve(crossprod(Xo), crossprod(Xo, y0))
    fitted <- as.vector(Xo %*% bt)
  } else fitted <- rep(0, length(y0))
  u <- y0 - fitted
  Ystar <- (fitted + beta0 * s$Xt[, j]) + s$MD(u * V[s$cl, , drop = FALSE])
  Bstar <- s$A %*% crossprod(s$Xt, Ystar)
  Estar <- Ystar - s$Xt %*% Bstar
  z <- as.vector(s$Xt %*% s$A[, j])
  sc <- rowsum(z * Estar, s$cl)
  sestar <- sqrt(s$f * colSums(sc^2))
  (Bstar[j, ] - beta0) / sestar
}

pval <- function(s, term, beta0, V) {
  t0 <- abs((s$b[[term]] - beta0) / s$se[[term]]) * (1 - TIE)
  mean(abs(tstars(s, term, beta0, V)) >= t0)
}

invert <- function(s, term, V, level) {
  alpha <- 1 - level
  b <- s$b[[term]]; se <- s$se[[term]]
  rej <- function(b0) pval(s, term, b0, V) <= alpha
  bracket <- function(dir) { for (m in 0:60) { c0 <- b + dir * se * 2^m; if (rej(c0)) return(c0) }; NA }
  bisect <- function(out, inside) {
    for (it in 1:200) {
      if (abs(out - inside) <= 1e-11 * max(abs(out), abs(inside)) + 1e-15 * se) break
      mid <- (out + inside) / 2
      if (mid == out || mid == inside) break
      if (rej(mid)) out <- mid else inside <- mid
    }
    (out + inside) / 2
  }
  lo <- bracket(-1); hi <- bracket(1)
  if (is.na(lo) && is.na(hi)) return(list(ends = c(NA, NA), notInterval = FALSE))
  from <- if (is.na(lo)) b else lo
  to <- if (is.na(hi)) b else hi
  grid <- from + (to - from) * (0:512) / 512; grid[513] <- to
  r <- sapply(grid, rej)
  keep <- which(!r)
  iL <- min(keep); iH <- max(keep)
  list(ends = c(if (is.na(lo)) NA else bisect(grid[iL - 1], grid[iL]), if (is.na(hi)) NA else bisect(grid[iH + 1], grid[iH])),
    notInterval = any(r[iL:iH]))
}

enumerated <- function(G) {
  B <- 2^G
  V <- matrix(1, G, B)
  for (bb in 0:(B - 1)) for (g in 1:G) if (bitwAnd(bb, bitwShiftL(1L, g - 1L)) != 0) V[g, bb + 1] <- -1
  V
}

caseEnumerated <- function(name, d, id, time, y, xs, effect, level = 0.95) {
  s <- setup(d, id, time, y, xs, effect)
  V <- enumerated(s$G)
  terms <- sapply(xs, function(term) {
    t <- s$b[[term]] / s$se[[term]]
    p <- pval(s, term, 0, V)
    inv <- invert(s, term, V, level)
    ci <- inv$ends
    ts0 <- tstars(s, term, 0, V[, 1:16])
    ts1 <- tstars(s, term, s$b[[term]] / 2, V[, 1:16])
    sprintf('"%s": {"estimate": %s, "se": %s, "t": %s, "p": %s, "count": %d, "confInt": [%s, %s], "notInterval": %s, "tstarFirst16": [%s], "tstarFirst16AtHalfEstimate": [%s]}',
      term, fmt(s$b[[term]]), fmt(s$se[[term]]), fmt(t), fmt(p), as.integer(round(p * ncol(V))), fmt(ci[1]), fmt(ci[2]), tolower(inv$notInterval),
      paste(fmt(ts0), collapse = ", "), paste(fmt(ts1), collapse = ", "))
  })
  sprintf('"%s": {"effect": "%s", "y": "%s", "x": [%s], "G": %d, "reps": %d, "level": %s, "factor": %s, "terms": {%s}}',
    name, effect, y, paste0('"', xs, '"', collapse = ", "), s$G, ncol(V), fmt(level), fmt(s$f), paste(terms, collapse = ", "))
}

caseRandom <- function(name, d, id, time, y, xs, effect, weights, B, seed) {
  s <- setup(d, id, time, y, xs, effect, closedForm = effect == "twoways")
  set.seed(seed)
  webb <- c(-sqrt(1.5), -1, -sqrt(0.5), sqrt(0.5), 1, sqrt(1.5))
  terms <- sapply(xs, function(term) {
    t0 <- abs(s$b[[term]] / s$se[[term]]) * (1 - TIE)
    count <- 1 # the all-ones draw: t* = t
    done <- 0
    while (done < B) {
      m <- min(10000, B - done)
      V <- if (weights == "rademacher") matrix(sample(c(-1, 1), s$G * m, TRUE), s$G, m) else matrix(sample(webb, s$G * m, TRUE), s$G, m)
      count <- count + sum(abs(tstars(s, term, 0, V)) >= t0)
      done <- done + m
    }
    sprintf('"%s": {"estimate": %s, "se": %s, "t": %s, "p": %s}', term, fmt(s$b[[term]]), fmt(s$se[[term]]), fmt(s$b[[term]] / s$se[[term]]), fmt(count / (B + 1)))
  })
  sprintf('"%s": {"effect": "%s", "y": "%s", "x": [%s], "G": %d, "weights": "%s", "reps": %d, "seed": %d, "terms": {%s}}',
    name, effect, y, paste0('"', xs, '"', collapse = ", "), s$G, weights, B + 1, seed, paste(terms, collapse = ", "))
}

grunfeld <- read.csv("test/fixtures/grunfeld.csv")
grunfeld_unbalanced <- read.csv("test/fixtures/grunfeld_unbalanced.csv")
cigar <- read.csv("test/fixtures/cigar.csv")
states <- unique(cigar$state)[1:31]
cigar31 <- cigar[cigar$state %in% states & cigar$year <= 1983, ]
write.csv(cigar31, "test/fixtures/cigar31.csv", row.names = FALSE)

blocks <- c(
  caseEnumerated("grunfeld_pooled", grunfeld, "firm", "year", "inv", c("value", "capital"), "none"),
  caseEnumerated("grunfeld_oneway", grunfeld, "firm", "year", "inv", c("value", "capital"), "individual"),
  caseEnumerated("grunfeld_twoways", grunfeld, "firm", "year", "inv", c("value", "capital"), "twoways"),
  caseEnumerated("grunfeld_twoways_90", grunfeld, "firm", "year", "inv", c("capital"), "twoways", level = 0.90),
  caseEnumerated("grunfeld_unbalanced_twoways", grunfeld_unbalanced, "firm", "year", "inv", c("value", "capital"), "twoways"),
  caseRandom("cigar31_twoways_rademacher", cigar31, "state", "year", "sales", c("price", "ndi", "pimin"), "twoways", "rademacher", 99999, 20240601),
  caseRandom("cigar31_twoways_webb", cigar31, "state", "year", "sales", c("price", "ndi", "pimin"), "twoways", "webb", 99999, 20240602)
)
cat(sprintf('{"software": "%s (base R only)", "script": "scripts/reference/wild-bootstrap.R", "cases": {%s}}\n',
  R.version.string, paste(blocks, collapse = ", ")), file = "test/fixtures/reference.wild-bootstrap.json")
