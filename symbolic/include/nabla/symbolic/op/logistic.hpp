//! \file
//! \brief The logistic pair of machine learning: sigmoid and softplus.
#ifndef NABLA_SYMBOLIC_OP_LOGISTIC_HPP
#define NABLA_SYMBOLIC_OP_LOGISTIC_HPP

#include <nabla/symbolic/op/elementwise.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <string_view>

namespace nabla {

//! \brief The logistic function \f$ \sigma(x) = 1 / (1 + e^{-x}) \f$, overflow-free.
struct sigmoid_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "sigmoid";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::sigmoid(x);
    }
};

//! \brief \f$ \operatorname{softplus}(x) = \log(1 + e^{x}) \f$, overflow-free.
struct softplus_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "softplus";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::softplus(x);
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_LOGISTIC_HPP
