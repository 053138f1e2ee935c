//! \file
//! \brief Piecewise functions: abs, min, max and the step functions their derivatives need.
//!
//! Subgradient convention, used by every rule at a kink: the derivative there is the midpoint
//! of the one-sided derivatives. So \f$ |x|' = 0 \f$ at 0, and where \f$ a = b \f$,
//! \f$ \max(a, b)' = (a' + b') / 2 \f$. The step \f$ H \f$ and the sign carry that midpoint
//! (\f$ H(0) = 1/2 \f$, \f$ \operatorname{sgn}(0) = 0 \f$).
#ifndef NABLA_SYMBOLIC_OP_PIECEWISE_HPP
#define NABLA_SYMBOLIC_OP_PIECEWISE_HPP

#include <nabla/symbolic/op/elementwise.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <string_view>

namespace nabla {

//! \brief \f$ |x| \f$.
struct abs_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "abs";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::fabs_(x);
    }
};

//! \brief \f$ \operatorname{sgn} x \f$ with \f$ \operatorname{sgn} 0 = 0 \f$: the derivative of
//! \f$ |x| \f$.
struct sign_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "sign";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::sign(x);
    }
};

//! \brief The Heaviside step \f$ H(x) \f$ with \f$ H(0) = 1/2 \f$: the derivative of
//! \f$ \max(x, 0) \f$.
struct heaviside_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "heaviside";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::heaviside(x);
    }
};

//! \brief \f$ \min(a, b) \f$; NaN in either operand gives NaN.
struct min_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "min";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& a, T const& b) {
        return detail::math::min_(a, b);
    }
};

//! \brief \f$ \max(a, b) \f$; NaN in either operand gives NaN.
struct max_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "max";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& a, T const& b) {
        return detail::math::max_(a, b);
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_PIECEWISE_HPP
