//! \file
//! \brief What users write for vectors and data: `dot`, `sum`, `squared_norm`, `norm2`,
//! `logsumexp`, `mean` and `sum_rows` (and `W * x` in operators.hpp).
#ifndef NABLA_SYMBOLIC_LINEAR_ALGEBRA_HPP
#define NABLA_SYMBOLIC_LINEAR_ALGEBRA_HPP

#include <nabla/symbolic/operators.hpp>
#include <nabla/symbolic/simplify/linear_algebra.hpp>

namespace nabla {

//! \brief \f$ a^\top b = \sum_k a_k b_k \f$.
//! \code
//! constexpr nabla::vec<"w"> w;
//! constexpr nabla::row<"x"> x;
//! constexpr auto margin = nabla::dot(w, x);
//! \endcode
template <expression A, expression B>
constexpr auto dot(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_dot(l, r);
}

//! \brief \f$ \sum_k v_k \f$, the sum of a vector's elements (for a sum over data rows see
//! `sum_rows`).
template <expression A>
constexpr auto sum(A const& a) {
    return detail::make_sum(a);
}

//! \brief \f$ \lVert v \rVert_2^2 = v^\top v \f$; for a matrix, the squared Frobenius norm.
template <expression A>
constexpr auto squared_norm(A const& a) {
    return detail::make_dot(a, a);
}

//! \brief \f$ \lVert v \rVert_2 = \sqrt{v^\top v} \f$ (not differentiable at \f$ v = 0 \f$).
template <expression A>
constexpr auto norm2(A const& a) {
    return detail::make_pow(detail::make_dot(a, a), rational<1, 2>{});
}

//! \brief \f$ \log \sum_k e^{v_k} \f$, computed without overflow; its gradient is the softmax.
template <expression A>
constexpr auto logsumexp(A const& a) {
    return detail::make_logsumexp(a);
}

//! \brief \f$ \frac{1}{n} \sum_{i=1}^n e_i \f$: the mean over the rows of the dataset the
//! expression is evaluated on of a per-row expression \f$ e \f$ (one that uses `row` and `col`
//! symbols).
//! \code
//! constexpr auto loss = nabla::mean(softplus(-y * (nabla::dot(w, x) + b)));
//! \endcode
template <expression A>
constexpr auto mean(A const& a) {
    return detail::make_row_reduction<mean_op>(a);
}

//! \brief \f$ \sum_{i=1}^n e_i \f$: the sum over the dataset's rows of a per-row expression.
template <expression A>
constexpr auto sum_rows(A const& a) {
    static_assert(depends_on_data_v<A>, "nabla::sum_rows: the operand does not use a data "
                                        "symbol (row or col)");
    return detail::make_row_reduction<sum_rows_op>(a);
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_LINEAR_ALGEBRA_HPP
