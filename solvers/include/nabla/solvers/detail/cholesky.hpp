#ifndef NABLA_SOLVERS_DETAIL_CHOLESKY_HPP
#define NABLA_SOLVERS_DETAIL_CHOLESKY_HPP

//! \file
//! \brief Dense Cholesky factorisation with an added multiple of the identity (Nocedal & Wright,
//! Algorithm 3.3) for Newton's method on indefinite Hessians.

#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers::detail {

//! In-place Cholesky \f$ A = L L^\top \f$ of the row-major \f$ n\times n \f$ matrix `a` (lower
//! triangle overwritten with \f$ L \f$). Returns false if a pivot is not positive and finite.
template <class T>
bool cholesky(std::vector<T>& a, std::size_t n) {
    using std::sqrt;
    for (std::size_t j = 0; j < n; ++j) {
        T djj = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k)
            djj -= a[j * n + k] * a[j * n + k];
        if (!(djj > T(0)) || !is_finite(djj))
            return false;
        const T ljj = sqrt(djj);
        a[j * n + j] = ljj;
        for (std::size_t i = j + 1; i < n; ++i) {
            T v = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k)
                v -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = v / ljj;
        }
    }
    return true;
}

//! Solves \f$ L L^\top x = b \f$ in place (`b` becomes \f$ x \f$).
template <class T>
void cholesky_solve(const std::vector<T>& l, std::size_t n, std::span<T> b) {
    for (std::size_t i = 0; i < n; ++i) {
        T v = b[i];
        for (std::size_t k = 0; k < i; ++k)
            v -= l[i * n + k] * b[k];
        b[i] = v / l[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) {
        T v = b[i];
        for (std::size_t k = i + 1; k < n; ++k)
            v -= l[k * n + i] * b[k];
        b[i] = v / l[i * n + i];
    }
}

//! Factorises \f$ H + \tau I \f$ with the smallest \f$ \tau \in \{0, \beta, 2\beta, 4\beta, \dots\}
//! \f$ (starting at \f$ \beta - \min_i H_{ii} \f$ if a diagonal entry is not positive) for which
//! the factorisation succeeds; \f$ \beta = \text{beta\_rel}\,\max(1, \max_i |H_{ii}|) \f$. `l`
//! receives the factor. Returns \f$ \tau \f$, or a negative value if no shift worked.
template <class T>
T shifted_cholesky(const std::vector<T>& h, std::size_t n, std::vector<T>& l, const T& beta_rel,
                   std::size_t max_tries = 80) {
    using std::abs;
    T min_diag = h[0], max_abs = T(1);
    for (std::size_t i = 0; i < n; ++i) {
        const T v = h[i * n + i];
        if (v < min_diag)
            min_diag = v;
        if (abs(v) > max_abs)
            max_abs = abs(v);
    }
    const T beta = beta_rel * max_abs;
    T tau = min_diag > T(0) ? T(0) : beta - min_diag;
    for (std::size_t t = 0; t < max_tries; ++t) {
        l = h;
        for (std::size_t i = 0; i < n; ++i)
            l[i * n + i] += tau;
        if (cholesky(l, n))
            return tau;
        tau = (T(2) * tau > beta) ? T(2) * tau : beta;
    }
    return T(-1);
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_CHOLESKY_HPP
