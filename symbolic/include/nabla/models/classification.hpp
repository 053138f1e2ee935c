//! \file
//! \brief Classification losses over a dataset: logistic regression, support vector machines
//! (hinge and squared hinge) and softmax regression (multiclass cross-entropy).
//!
//! Binary labels are \f$ y_i \in \{-1, +1\} \f$; multiclass labels are one-hot data rows.
#ifndef NABLA_MODELS_CLASSIFICATION_HPP
#define NABLA_MODELS_CLASSIFICATION_HPP

#include <nabla/models/regression.hpp>

namespace nabla::models {

//! \brief L2-regularised logistic regression:
//! \f$ \frac{1}{n} \sum_i \log(1 + e^{-y_i (w^\top x_i + b)}) + \frac{\lambda}{2} \lVert w
//! \rVert_2^2 \f$, through softplus, which neither overflows nor loses digits for large margins.
template <class W, class B, class X, class Y>
constexpr auto logistic(W const& w, B const& b, X const& x, Y const& y, double lambda) {
    return mean(softplus(-y * linear(w, b, x))) + lambda / 2 * squared_norm(w);
}

//! \brief The soft-margin support vector machine:
//! \f$ \frac{1}{n} \sum_i \max(0, 1 - y_i (w^\top x_i + b)) + \frac{\lambda}{2} \lVert w
//! \rVert_2^2 \f$. Not differentiable on the margin; its gradient there is a subgradient.
template <class W, class B, class X, class Y>
constexpr auto hinge(W const& w, B const& b, X const& x, Y const& y, double lambda) {
    return mean(max(1_c - y * linear(w, b, x), 0_c)) + lambda / 2 * squared_norm(w);
}

//! \brief The squared-hinge support vector machine (L2-SVM), differentiable everywhere:
//! \f$ \frac{1}{n} \sum_i \max(0, 1 - y_i (w^\top x_i + b))^2 + \frac{\lambda}{2} \lVert w
//! \rVert_2^2 \f$.
template <class W, class B, class X, class Y>
constexpr auto squared_hinge(W const& w, B const& b, X const& x, Y const& y, double lambda) {
    return mean(pow(max(1_c - y * linear(w, b, x), 0_c), 2_c)) + lambda / 2 * squared_norm(w);
}

//! \brief Softmax regression (multinomial logistic regression) with \f$ k \f$ classes, weights
//! \f$ W \in \mathbb{R}^{k \times d} \f$, biases \f$ c \in \mathbb{R}^k \f$ and one-hot labels
//! \f$ t_i \f$: \f$ \frac{1}{n} \sum_i \left( \operatorname{logsumexp}(W x_i + c) - t_i^\top
//! (W x_i + c) \right) \f$, the cross-entropy of the softmax.
template <class M, class C, class X, class T>
constexpr auto softmax_cross_entropy(M const& weights, C const& biases, X const& x,
                                     T const& one_hot) {
    const auto scores = weights * x + biases;
    return mean(logsumexp(scores) - dot(one_hot, scores));
}

} // namespace nabla::models

#endif // NABLA_MODELS_CLASSIFICATION_HPP
