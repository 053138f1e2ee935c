// Baselines for the data-loss benchmark, written by hand: the gradient of L2-regularised
// logistic regression as a fused xsimd loop, as a plain scalar loop and with Eigen, the gradient
// of a one-hidden-layer tanh network by back-propagation, a STREAM-like triad and a bare read.
#ifndef NABLA_BENCH_DATA_HANDWRITTEN_HPP
#define NABLA_BENCH_DATA_HANDWRITTEN_HPP

#include <Eigen/Dense>
#include <xsimd/xsimd.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

namespace bench {

//! Labels in {-1, +1}: g_w = mean(-y sigma(-y z) x) + lambda w, g_b = mean(-y sigma(-y z)),
//! z = w'x + b; one pass over X, the dot (on four chains) and the update vectorised with xsimd.
//! With `Prefetch`, while a row is added, the row 32 KB further on is prefetched into L2.
template <bool Prefetch>
double logistic_gradient_xsimd(double const* X, double const* y, std::size_t n, std::size_t d,
                               double const* w, double b, double lambda, double* g) {
    using batch = xsimd::batch<double>;
    constexpr std::size_t width = batch::size;
    const std::size_t full = d - d % width;
    for (std::size_t j = 0; j != d; ++j)
        g[j] = 0;
    double gb = 0;
    const std::size_t ahead = (32768 + 8 * d - 1) / (8 * d); // rows
    for (std::size_t i = 0; i != n; ++i) {
        double const* x = X + i * d;
        // four independent chains, as one writes a long dot product: one chain would wait
        // on the latency of each multiply-add
        batch a0(0.0), a1(0.0), a2(0.0), a3(0.0);
        std::size_t j = 0;
        for (; j + 4 * width <= full; j += 4 * width) {
            a0 = xsimd::fma(batch::load_unaligned(x + j), batch::load_unaligned(w + j), a0);
            a1 = xsimd::fma(batch::load_unaligned(x + j + width),
                            batch::load_unaligned(w + j + width), a1);
            a2 = xsimd::fma(batch::load_unaligned(x + j + 2 * width),
                            batch::load_unaligned(w + j + 2 * width), a2);
            a3 = xsimd::fma(batch::load_unaligned(x + j + 3 * width),
                            batch::load_unaligned(w + j + 3 * width), a3);
        }
        for (; j != full; j += width)
            a0 = xsimd::fma(batch::load_unaligned(x + j), batch::load_unaligned(w + j), a0);
        double z = xsimd::hadd((a0 + a1) + (a2 + a3)) + b;
        for (; j != d; ++j)
            z += x[j] * w[j];
        const double m = -y[i] * z;
        const double c = -y[i] / (1 + std::exp(-m));
        const batch cb(c);
        // the row `ahead` rows on, if there is one (no pointer is formed past the data)
        char const* next =
            Prefetch && i + ahead < n ? reinterpret_cast<char const*>(x + ahead * d) : nullptr;
        for (j = 0; j != full; j += width) {
            if (Prefetch && next)
                __builtin_prefetch(next + 8 * j, 0, 2);
            xsimd::fma(cb, batch::load_unaligned(x + j), batch::load_unaligned(g + j))
                .store_unaligned(g + j);
        }
        for (; j != d; ++j)
            g[j] += c * x[j];
        gb += c;
    }
    const double inv = 1.0 / static_cast<double>(n);
    for (std::size_t j = 0; j != d; ++j)
        g[j] = g[j] * inv + lambda * w[j];
    return gb * inv;
}

//! The fused xsimd loop as a careful hand-writer would choose it: the prefetch for long rows
//! only (as nabla), since for short ones the prefetcher keeps up and the hints cost time.
inline double logistic_gradient_xsimd(double const* X, double const* y, std::size_t n,
                                      std::size_t d, double const* w, double b, double lambda,
                                      double* g) {
    return d >= 256 ? logistic_gradient_xsimd<true>(X, y, n, d, w, b, lambda, g)
                    : logistic_gradient_xsimd<false>(X, y, n, d, w, b, lambda, g);
}

//! The same loop without SIMD code.
inline double logistic_gradient_scalar(double const* X, double const* y, std::size_t n,
                                       std::size_t d, double const* w, double b, double lambda,
                                       double* g) {
    for (std::size_t j = 0; j != d; ++j)
        g[j] = 0;
    double gb = 0;
    for (std::size_t i = 0; i != n; ++i) {
        double const* x = X + i * d;
        double z = b;
        for (std::size_t j = 0; j != d; ++j)
            z += x[j] * w[j];
        const double c = -y[i] / (1 + std::exp(y[i] * z));
        for (std::size_t j = 0; j != d; ++j)
            g[j] += c * x[j];
        gb += c;
    }
    const double inv = 1.0 / static_cast<double>(n);
    for (std::size_t j = 0; j != d; ++j)
        g[j] = g[j] * inv + lambda * w[j];
    return gb * inv;
}

using row_major = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

//! Eigen, as one writes it: c = -y .* sigma(-y .* (X w + b)); g = X' c / n + lambda w.
inline double logistic_gradient_eigen(Eigen::Map<const row_major> const& X,
                                      Eigen::Map<const Eigen::VectorXd> const& y,
                                      Eigen::VectorXd const& w, double b, double lambda,
                                      Eigen::VectorXd& g) {
    const Eigen::ArrayXd z = ((X * w).array() + b);
    const Eigen::ArrayXd c = -y.array() / (1 + (y.array() * z).exp());
    g = X.transpose() * c.matrix() / static_cast<double>(X.rows()) + lambda * w;
    return c.mean();
}

//! Back-propagation of f = mean((v' tanh(W x + c) + b - y)^2 / 2) for W (h x d), by hand.
struct network_gradient {
    std::size_t h, d;
    std::vector<double> a, back;
    network_gradient(std::size_t hidden, std::size_t features)
        : h(hidden), d(features), a(hidden), back(hidden) {}

    void operator()(double const* X, double const* y, std::size_t n, double const* W,
                    double const* c, double const* v, double b, double* gW, double* gc, double* gv,
                    double& gb) {
        for (std::size_t k = 0; k != h * d; ++k)
            gW[k] = 0;
        for (std::size_t r = 0; r != h; ++r)
            gc[r] = gv[r] = 0;
        gb = 0;
        for (std::size_t i = 0; i != n; ++i) {
            double const* x = X + i * d;
            double out = b;
            for (std::size_t r = 0; r != h; ++r) {
                double u = c[r];
                for (std::size_t j = 0; j != d; ++j)
                    u += W[r * d + j] * x[j];
                a[r] = std::tanh(u);
                out += v[r] * a[r];
            }
            const double e = out - y[i];
            for (std::size_t r = 0; r != h; ++r) {
                back[r] = e * v[r] * (1 - a[r] * a[r]);
                gv[r] += e * a[r];
                gc[r] += back[r];
                double* row = gW + r * d;
                for (std::size_t j = 0; j != d; ++j)
                    row[j] += back[r] * x[j];
            }
            gb += e;
        }
        const double inv = 1.0 / static_cast<double>(n);
        for (std::size_t k = 0; k != h * d; ++k)
            gW[k] *= inv;
        for (std::size_t r = 0; r != h; ++r) {
            gc[r] *= inv;
            gv[r] *= inv;
        }
        gb *= inv;
    }
};

//! The sum of n doubles, on four chains with xsimd: the least time any loop that reads them once
//! in order needs (one stream, one thread), the floor under the logistic gradient out of cache.
inline double read_sum(double const* a, std::size_t n) {
    using batch = xsimd::batch<double>;
    constexpr std::size_t w = batch::size;
    batch s0(0.0), s1(0.0), s2(0.0), s3(0.0);
    std::size_t i = 0;
    for (; i + 4 * w <= n; i += 4 * w) {
        s0 += batch::load_unaligned(a + i);
        s1 += batch::load_unaligned(a + i + w);
        s2 += batch::load_unaligned(a + i + 2 * w);
        s3 += batch::load_unaligned(a + i + 3 * w);
    }
    double sum = xsimd::hadd((s0 + s1) + (s2 + s3));
    for (; i != n; ++i)
        sum += a[i];
    return sum;
}

//! a = b + s c over n doubles: STREAM's triad, the memory bandwidth a streaming loop can reach.
inline void triad(double* a, double const* b, double const* c, double s, std::size_t n) {
    for (std::size_t i = 0; i != n; ++i)
        a[i] = b[i] + s * c[i];
}

} // namespace bench

#endif // NABLA_BENCH_DATA_HANDWRITTEN_HPP
