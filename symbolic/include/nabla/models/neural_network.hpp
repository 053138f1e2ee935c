//! \file
//! \brief A neural network with one hidden layer, \f$ f(x) = v^\top a(W x + c) + b \f$ with
//! \f$ a = \tanh \f$ or the rectifier, and its squared loss. Its gradient is back-propagation
//! generated symbolically: \f$ \partial / \partial W \f$ is the outer product of the
//! back-propagated error and \f$ x \f$.
#ifndef NABLA_MODELS_NEURAL_NETWORK_HPP
#define NABLA_MODELS_NEURAL_NETWORK_HPP

#include <nabla/symbolic/linear_algebra.hpp>

namespace nabla::models {

//! \brief The activation of the hidden layer.
enum class activation {
    tanh, //!< \f$ \tanh u \f$
    relu  //!< \f$ \max(u, 0) \f$, with derivative \f$ H(u) \f$ (\f$ 1/2 \f$ at 0)
};

//! \brief The network's output \f$ v^\top a(W x + c) + b \f$.
template <activation A, class M, class C, class V, class B, class X>
constexpr auto network_output(M const& weights, C const& biases, V const& out_weights,
                              B const& out_bias, X const& x) {
    const auto pre = weights * x + biases;
    if constexpr (A == activation::tanh) {
        return dot(out_weights, tanh(pre)) + out_bias;
    } else {
        return dot(out_weights, max(pre, 0_c)) + out_bias;
    }
}

//! \brief The squared loss of the one-hidden-layer network on targets \f$ y \f$:
//! \f$ \frac{1}{n} \sum_i \frac{1}{2} (v^\top a(W x_i + c) + b - y_i)^2 \f$.
template <activation A, class M, class C, class V, class B, class X, class Y>
constexpr auto network_squared_loss(M const& weights, C const& biases, V const& out_weights,
                                    B const& out_bias, X const& x, Y const& y) {
    return mean(pow(network_output<A>(weights, biases, out_weights, out_bias, x) - y, 2_c) / 2_c);
}

} // namespace nabla::models

#endif // NABLA_MODELS_NEURAL_NETWORK_HPP
