#ifndef NABLA_SOLVERS_DETAIL_CURVATURE_CHECK_HPP
#define NABLA_SOLVERS_DETAIL_CURVATURE_CHECK_HPP

//! \file
//! \brief The second-order check at a quasi-Newton method's stopping point: the least curvature
//! of the Hessian (Lanczos), and a step along a direction of negative curvature when there is
//! one. A method that builds its steps from gradients alone stops at saddle points, where the
//! gradient vanishes as well as at minima; the objective's Hessian tells them apart.

#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

namespace nabla::solvers::detail {

//! The least eigenvalue of a symmetric matrix and a unit eigenvector for it.
template <class T>
struct least_eigenpair {
    T value;               //!< \f$ \lambda_{\min} \f$
    T largest_magnitude;   //!< \f$ \max_i |\lambda_i| \f$ seen, for a relative tolerance
    std::vector<T> vector; //!< \f$ u \f$, \f$ \|u\|_2 = 1 \f$
};

//! Eigenvalues and eigenvectors of the symmetric row-major \f$ k \times k \f$ matrix \p a
//! (cyclic Jacobi rotations, for the small matrices of Lanczos): \p a becomes diagonal, the
//! columns of \p v the eigenvectors.
template <class T>
void jacobi_eigen(std::vector<T>& a, std::vector<T>& v, std::size_t k) {
    using std::abs;
    using std::sqrt;
    v.assign(k * k, T(0));
    for (std::size_t i = 0; i < k; ++i)
        v[i * k + i] = T(1);
    for (int sweep = 0; sweep < 60; ++sweep) {
        T off(0), diag(0);
        for (std::size_t p = 0; p < k; ++p)
            for (std::size_t q = 0; q < k; ++q)
                (p == q ? diag : off) += a[p * k + q] * a[p * k + q];
        if (off <= std::numeric_limits<T>::epsilon() * std::numeric_limits<T>::epsilon() * diag)
            return;
        for (std::size_t p = 0; p + 1 < k; ++p)
            for (std::size_t q = p + 1; q < k; ++q) {
                const T apq = a[p * k + q];
                if (apq == T(0))
                    continue;
                const T theta = (a[q * k + q] - a[p * k + p]) / (T(2) * apq);
                const T t =
                    (theta >= T(0) ? T(1) : T(-1)) / (abs(theta) + sqrt(theta * theta + T(1)));
                const T c = T(1) / sqrt(t * t + T(1)), s = t * c;
                for (std::size_t r = 0; r < k; ++r) { // columns p, q
                    const T rp = a[r * k + p], rq = a[r * k + q];
                    a[r * k + p] = c * rp - s * rq;
                    a[r * k + q] = s * rp + c * rq;
                }
                for (std::size_t r = 0; r < k; ++r) { // rows p, q
                    const T pr = a[p * k + r], qr = a[q * k + r];
                    a[p * k + r] = c * pr - s * qr;
                    a[q * k + r] = s * pr + c * qr;
                }
                for (std::size_t r = 0; r < k; ++r) {
                    const T rp = v[r * k + p], rq = v[r * k + q];
                    v[r * k + p] = c * rp - s * rq;
                    v[r * k + q] = s * rp + c * rq;
                }
            }
    }
}

//! The least eigenpair of the symmetric \f$ n \times n \f$ operator \p apply (`apply(v, out)`
//! writes \f$ H v \f$) from at most \p steps Lanczos steps with full reorthogonalisation. The
//! start vector is a fixed pseudo-random one: a structured start (the gradient, say) can lie in
//! an invariant subspace that holds no negative curvature, as on a symmetric saddle.
template <class T, class Apply>
least_eigenpair<T> lanczos_least(std::size_t n, std::size_t steps, Apply&& apply) {
    using std::abs;
    using std::sqrt;
    const std::size_t k_max = steps < n ? steps : n;
    std::vector<std::vector<T>> q;
    q.reserve(k_max);
    std::vector<T> alpha, beta, v(n), w(n);
    std::uint64_t state = 0x9E3779B97F4A7C15u; // splitmix64: the same start on every run
    for (auto& e : v) {
        state += 0x9E3779B97F4A7C15u;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        e = T(static_cast<double>(z >> 11) * 0x1.0p-53 - 0.5);
    }
    T norm = sqrt(dot<T>(v, v));
    for (auto& e : v)
        e /= norm;
    T scale(0);
    for (std::size_t j = 0; j < k_max; ++j) {
        q.push_back(v);
        apply(std::span<const T>(q.back()), std::span<T>(w));
        const T a = dot<T>(q.back(), w);
        alpha.push_back(a);
        for (auto const& qi : q) { // full reorthogonalisation, twice is enough
            const T c = dot<T>(qi, w);
            for (std::size_t i = 0; i < n; ++i)
                w[i] -= c * qi[i];
        }
        for (auto const& qi : q) {
            const T c = dot<T>(qi, w);
            for (std::size_t i = 0; i < n; ++i)
                w[i] -= c * qi[i];
        }
        scale = abs(a) > scale ? abs(a) : scale;
        const T b = sqrt(dot<T>(w, w));
        if (j + 1 == k_max || !(b > std::numeric_limits<T>::epsilon() * T(64) * (scale + b)))
            break; // the Krylov space is invariant, or the steps are spent
        beta.push_back(b);
        scale = b > scale ? b : scale;
        for (std::size_t i = 0; i < n; ++i)
            v[i] = w[i] / b;
    }
    // the Ritz values: the eigenvalues of the tridiagonal matrix alpha, beta
    const std::size_t k = alpha.size();
    std::vector<T> t(k * k, T(0)), s;
    for (std::size_t i = 0; i < k; ++i) {
        t[i * k + i] = alpha[i];
        if (i + 1 < k)
            t[i * k + i + 1] = t[(i + 1) * k + i] = beta[i];
    }
    jacobi_eigen(t, s, k);
    std::size_t least = 0;
    T largest(0);
    for (std::size_t i = 0; i < k; ++i) {
        if (t[i * k + i] < t[least * k + least])
            least = i;
        largest = abs(t[i * k + i]) > largest ? abs(t[i * k + i]) : largest;
    }
    least_eigenpair<T> r{t[least * k + least], largest, std::vector<T>(n, T(0))};
    for (std::size_t j = 0; j < k; ++j)
        for (std::size_t i = 0; i < n; ++i)
            r.vector[i] += s[j * k + least] * q[j][i];
    norm = sqrt(dot<T>(r.vector, r.vector));
    for (auto& e : r.vector)
        e /= norm;
    return r;
}

//! At a point \p x where a convergence test held: if the objective has a dense Hessian (one,
//! for \f$ n \le 1000 \f$, and 40 Lanczos steps on it) or Hessian-vector products (at most 12,
//! fewer when \f$ 12 n > 2^{22} \f$), and the least curvature Lanczos finds is negative beyond
//! rounding (\f$ \lambda_{\min} < -10^{-6} \max(1, \max_i |\lambda_i|) \f$), looks for a
//! lower point along that direction (downhill sign, steps \f$ \max(1, \|x\|) / 2^j \f$,
//! accepted when f falls by a tenth of the decrease the curvature predicts). Writes it to
//! \p x_out, its gradient to \p g_out, and returns its value; nothing when there is no negative
//! curvature, no such point, or no Hessian.
template <class T, class E>
std::optional<T> leave_saddle(E& eval, std::span<const T> x, const T& f, std::span<const T> g,
                              std::span<T> x_out, std::span<T> g_out) {
    using std::sqrt;
    const std::size_t n = x.size();
    std::optional<least_eigenpair<T>> pair;
    if constexpr (hessian_objective<std::remove_cvref_t<decltype(eval.objective())>, T>) {
        if (n <= 1000) { // one dense Hessian, then 40 Lanczos steps on it (exact for n <= 40)
            std::vector<T> h(n * n);
            eval.hessian(x, std::span<T>(h));
            if (!all_finite<T>(std::span<const T>(h)))
                return std::nullopt;
            pair = lanczos_least<T>(n, 40, [&](std::span<const T> v, std::span<T> out) {
                for (std::size_t i = 0; i < n; ++i) {
                    T sum(0);
                    for (std::size_t j = 0; j < n; ++j)
                        sum += h[i * n + j] * v[j];
                    out[i] = sum;
                }
            });
        }
    }
    if constexpr (E::has_hessian_vector) {
        if (!pair) { // 12 products: the extreme eigenvalues converge first
            const std::size_t budget = (std::size_t{1} << 22) / n; // numbers Lanczos keeps
            const std::size_t steps = budget < 2 ? 2 : (budget > 12 ? 12 : budget);
            pair = lanczos_least<T>(n, steps, [&](std::span<const T> v, std::span<T> out) {
                eval.hessian_vector(x, v, out);
            });
        }
    }
    if (!pair || !is_finite(pair->value) ||
        !(pair->value <
          -T(1e-6) * (pair->largest_magnitude > T(1) ? pair->largest_magnitude : T(1))))
        return std::nullopt;
    std::vector<T>& u = pair->vector;
    if (dot<T>(g, std::span<const T>(u)) > T(0))
        for (auto& e : u)
            e = -e;
    const T xnorm = sqrt(dot<T>(x, x));
    T alpha = xnorm > T(1) ? xnorm : T(1);
    for (int j = 0; j < 40 && !eval.exhausted(); ++j, alpha /= T(2)) {
        for (std::size_t i = 0; i < n; ++i)
            x_out[i] = x[i] + alpha * u[i];
        const T trial = eval.value_gradient(std::span<const T>(x_out), g_out);
        if (is_finite(trial) && all_finite<T>(std::span<const T>(g_out)) &&
            trial < f + T(0.05) * pair->value * alpha * alpha)
            return trial;
    }
    return std::nullopt;
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_CURVATURE_CHECK_HPP
