//! \file
//! \brief What a test problem is: an expression, its variables, a standard start and its known
//! minimum, as the Moré–Garbow–Hillstrom collection states them.
#ifndef NABLA_PROBLEMS_PROBLEM_HPP
#define NABLA_PROBLEMS_PROBLEM_HPP

#include <nabla/data.hpp>
#include <nabla/nabla.hpp>
#include <nabla/solvers/data_objective.hpp>

#include <array>
#include <cstddef>
#include <limits>
#include <string_view>
#include <type_traits>
#include <utility>

namespace nabla::problems {

//! \brief The variables \f$ x_1, \dots, x_{12} \f$ the problems are written in.
inline constexpr var<"x1"> x1;
inline constexpr var<"x2"> x2;   //!< \f$ x_2 \f$
inline constexpr var<"x3"> x3;   //!< \f$ x_3 \f$
inline constexpr var<"x4"> x4;   //!< \f$ x_4 \f$
inline constexpr var<"x5"> x5;   //!< \f$ x_5 \f$
inline constexpr var<"x6"> x6;   //!< \f$ x_6 \f$
inline constexpr var<"x7"> x7;   //!< \f$ x_7 \f$
inline constexpr var<"x8"> x8;   //!< \f$ x_8 \f$
inline constexpr var<"x9"> x9;   //!< \f$ x_9 \f$
inline constexpr var<"x10"> x10; //!< \f$ x_{10} \f$
inline constexpr var<"x11"> x11; //!< \f$ x_{11} \f$
inline constexpr var<"x12"> x12; //!< \f$ x_{12} \f$

namespace detail {
template <std::size_t I>
constexpr auto variable() {
    if constexpr (I == 1)
        return x1;
    else if constexpr (I == 2)
        return x2;
    else if constexpr (I == 3)
        return x3;
    else if constexpr (I == 4)
        return x4;
    else if constexpr (I == 5)
        return x5;
    else if constexpr (I == 6)
        return x6;
    else if constexpr (I == 7)
        return x7;
    else if constexpr (I == 8)
        return x8;
    else if constexpr (I == 9)
        return x9;
    else if constexpr (I == 10)
        return x10;
    else if constexpr (I == 11)
        return x11;
    else
        return x12;
}
template <std::size_t... I>
constexpr auto variables(std::index_sequence<I...>) {
    return wrt(variable<I + 1>()...);
}
} // namespace detail

//! \brief \f$ x_I \f$, 1-based as in the paper.
template <std::size_t I>
inline constexpr auto x = detail::variable<I>();

//! \brief `wrt(x1, ..., xN)`.
template <std::size_t N>
inline constexpr auto first_variables = detail::variables(std::make_index_sequence<N>{});

//! \brief \f$ \sum_{i=1}^{M} r_i^2 \f$ for residuals `r(std::integral_constant<std::size_t, i>)`.
template <std::size_t M, class Residual>
constexpr auto sum_of_squares(Residual r) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return (... + pow(r(std::integral_constant<std::size_t, I + 1>{}), 2_c));
    }
    (std::make_index_sequence<M>{});
}

//! \brief No dataset: the problem is one expression in its variables.
struct no_data {};

//! \brief A test problem: \p F over the \p N variables `first_variables<N>`, with its standard
//! start, its residual count and the minimum the literature reports.
//!
//! Most problems are one expression in \f$ x_1, \dots, x_N \f$. A problem with many residuals
//! that differ only in their data points (Gulf, Watson) is written once per residual as a sum over
//! the rows of a dataset \p Data (`nabla::sum_rows`), whose columns hold the points: its
//! derivatives are then one expression whatever the number of residuals, where an unrolled sum
//! of 99 residuals would cost minutes of compile time and gigabytes of compiler memory.
template <class F, std::size_t N, class Data = no_data>
struct problem {
    std::string_view name;       //!< The paper's name.
    int number;                  //!< The paper's number.
    std::size_t residuals;       //!< m, the number of residuals.
    F f;                         //!< \f$ f(x) = \sum r_i^2 \f$.
    std::array<double, N> start; //!< The standard starting point.
    double f_min;                //!< The known minimum value (a local one where the paper says so).
    Data data{};                 //!< The data points of the residuals, or `no_data`.
    //! A local minimum value where the paper or later studies report that standard solvers end,
    //! or NaN if none is reported.
    double f_local = std::numeric_limits<double>::quiet_NaN();

    //! The variables, in order.
    static constexpr auto variables() { return first_variables<N>; }
    //! n, the number of variables.
    static constexpr std::size_t dimension = N;
    //! True if `f` sums over the rows of `data`.
    static constexpr bool over_data = !std::is_same_v<Data, no_data>;
};

//! \brief Makes a `problem`, deducing its types.
template <std::size_t N, class F>
constexpr problem<F, N> make_problem(std::string_view name, int number, std::size_t m, F f,
                                     std::array<double, N> start, double f_min) {
    return {name, number, m, f, start, f_min};
}

//! \brief Makes a `problem` whose expression sums over the rows of \p data.
template <std::size_t N, class F, class Data>
problem<F, N, Data> make_problem(std::string_view name, int number, std::size_t m, F f,
                                 std::array<double, N> start, double f_min, Data data) {
    return {name, number, m, f, start, f_min, data};
}

//! \brief \p p with the local minimum value \p f_local where standard solvers may end.
//! \code
//! // Freudenstein and Roth: global minimum 0 at (5, 4), local 48.9842 where solvers end
//! return with_local_minimum(make_problem<2>("Freudenstein and Roth", 2, 2, f, {0.5, -2.0}, 0.0),
//!                           48.9842);
//! \endcode
template <class F, std::size_t N, class Data>
constexpr problem<F, N, Data> with_local_minimum(problem<F, N, Data> p, double f_local) {
    p.f_local = f_local;
    return p;
}

//! \brief The objective of \p p for the solvers: value, gradient and Hessian (or, over data,
//! Hessian-vector products) of `p.f` with respect to its variables, all generated.
//! \code
//! const auto p = nabla::problems::gulf(); // 99 residuals, summed over the rows of its data
//! auto r = nabla::solvers::lbfgs{}.minimize(nabla::problems::objective_of(p), p.start);
//! // r.x is close to (50, 25, 1.5), r.f to 0
//! \endcode
template <class F, std::size_t N, class Data>
auto objective_of(problem<F, N, Data> const& p) {
    if constexpr (problem<F, N, Data>::over_data)
        return nabla::objective(p.f, p.variables(), p.data);
    else
        return nabla::objective(p.f, p.variables());
}

} // namespace nabla::problems

#endif // NABLA_PROBLEMS_PROBLEM_HPP
