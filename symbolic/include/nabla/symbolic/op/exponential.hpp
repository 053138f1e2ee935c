//! \file
//! \brief Exponentials and logarithms: exp, expm1, log, log1p.
#ifndef NABLA_SYMBOLIC_OP_EXPONENTIAL_HPP
#define NABLA_SYMBOLIC_OP_EXPONENTIAL_HPP

#include <nabla/symbolic/op/elementwise.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <string_view>

namespace nabla {

//! \brief \f$ e^x \f$.
struct exp_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "exp";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(exp(x));
    }
};

//! \brief \f$ e^x - 1 \f$, accurate near 0.
struct expm1_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "expm1";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::expm1_(x);
    }
};

//! \brief \f$ \log x \f$, natural logarithm; NaN for \f$ x < 0 \f$.
struct log_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "log";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(log(x));
    }
};

//! \brief \f$ \log(1 + x) \f$, accurate near 0; NaN for \f$ x < -1 \f$.
struct log1p_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "log1p";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        return detail::math::log1p_(x);
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_EXPONENTIAL_HPP
