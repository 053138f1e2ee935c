//! \file
//! \brief Regression losses over a dataset: least squares, ridge, lasso and Huber.
//!
//! Each function takes the symbols to build with (a weight vector `vec`, a bias `var`, a data
//! row `row` and a target `col`), so several models can share symbols, and returns the loss as
//! an expression: differentiate, print, evaluate or minimise it like any other.
#ifndef NABLA_MODELS_REGRESSION_HPP
#define NABLA_MODELS_REGRESSION_HPP

#include <nabla/symbolic/linear_algebra.hpp>

namespace nabla::models {

//! \brief The linear prediction \f$ w^\top x + b \f$.
template <class W, class B, class X>
constexpr auto linear(W const& w, B const& b, X const& x) {
    return dot(w, x) + b;
}

//! \brief Least squares (linear regression):
//! \f$ \frac{1}{n} \sum_i \frac{1}{2} (w^\top x_i + b - y_i)^2 \f$.
template <class W, class B, class X, class Y>
constexpr auto least_squares(W const& w, B const& b, X const& x, Y const& y) {
    return mean(pow(linear(w, b, x) - y, 2_c) / 2_c);
}

//! \brief Ridge regression: least squares plus \f$ \frac{\lambda}{2} \lVert w \rVert_2^2 \f$.
template <class W, class B, class X, class Y>
constexpr auto ridge(W const& w, B const& b, X const& x, Y const& y, double lambda) {
    return least_squares(w, b, x, y) + lambda / 2 * squared_norm(w);
}

//! \brief Lasso: least squares plus \f$ \lambda \lVert w \rVert_1 \f$. Not differentiable where
//! a weight is zero; its gradient there is the subgradient with \f$ \operatorname{sgn} 0 = 0 \f$,
//! for the subgradient method.
template <class W, class B, class X, class Y>
constexpr auto lasso(W const& w, B const& b, X const& x, Y const& y, double lambda) {
    return least_squares(w, b, x, y) + lambda * sum(abs(w));
}

//! \brief The Huber loss with threshold \f$ \delta \f$ of the residual \f$ r = w^\top x + b - y
//! \f$: \f$ r^2 / 2 \f$ for \f$ |r| \le \delta \f$, \f$ \delta (|r| - \delta / 2) \f$ beyond,
//! written as \f$ m (|r| - m / 2) \f$ with \f$ m = \min(|r|, \delta) \f$; its derivative is
//! continuous.
template <class W, class B, class X, class Y>
constexpr auto huber(W const& w, B const& b, X const& x, Y const& y, double delta) {
    const auto a = abs(linear(w, b, x) - y);
    const auto m = min(a, delta);
    return mean(m * (a - m / 2_c));
}

} // namespace nabla::models

#endif // NABLA_MODELS_REGRESSION_HPP
