//! \file
//! \brief Trigonometric and hyperbolic functions: sin, cos, tan, atan, tanh.
#ifndef NABLA_SYMBOLIC_OP_TRIGONOMETRIC_HPP
#define NABLA_SYMBOLIC_OP_TRIGONOMETRIC_HPP

#include <nabla/symbolic/op/elementwise.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <string_view>

namespace nabla {

//! \brief \f$ \sin x \f$.
struct sin_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "sin";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(sin(x));
    }
};

//! \brief \f$ \cos x \f$.
struct cos_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "cos";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(cos(x));
    }
};

//! \brief \f$ \tan x \f$.
struct tan_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "tan";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(tan(x));
    }
};

//! \brief \f$ \arctan x \f$.
struct atan_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "atan";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(atan(x));
    }
};

//! \brief \f$ \tanh x \f$.
struct tanh_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "tanh";
    //! Evaluates the function.
    template <class T>
    static T apply(T const& x) {
        using namespace detail::math;
        return T(tanh(x));
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_TRIGONOMETRIC_HPP
