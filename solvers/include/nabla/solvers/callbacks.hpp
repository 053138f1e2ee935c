#ifndef NABLA_SOLVERS_CALLBACKS_HPP
#define NABLA_SOLVERS_CALLBACKS_HPP

//! \file
//! \brief Per-iteration callbacks: observe a run, stop it, print progress.
//!
//! A callback is any callable taking `const iteration_info<T>&` and returning `bool`
//! (`true` = go on, `false` = stop with status::user_stop) or `void` (never stops).
//! It is passed as the last argument of `minimize`:
//! \code
//! auto r = nabla::solvers::lbfgs{}.minimize(f, x0, nabla::solvers::progress_printer{});
//! \endcode

#include <cstddef>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <span>
#include <type_traits>

namespace nabla::solvers {

//! \brief What a callback sees after each iteration \f$ k \f$.
template <class T>
struct iteration_info {
    std::size_t iteration; //!< \f$ k \f$
    T f;                   //!< \f$ f(x_k) \f$
    T gradient_norm;       //!< \f$ \|\nabla f(x_k)\|_2 \f$
    T step;                //!< \f$ \|x_k - x_{k-1}\|_2 \f$
    T gap;                 //!< Frank-Wolfe duality gap (0 for other solvers)
    double seconds;        //!< wall time since the start
    std::span<const T> x;  //!< \f$ x_k \f$ (valid during the call only)
};

//! \brief The default callback: does nothing, never stops.
struct no_callback {
    //! Continues the run: returns true for every iteration.
    template <class T>
    constexpr bool operator()(const iteration_info<T>&) const noexcept {
        return true;
    }
};

//! \brief Prints `iteration, f, ||g||, step, time` every `every` iterations to `*os`.
struct progress_printer {
    std::ostream* os = &std::cout; //!< destination (default std::cout)
    std::size_t every = 1;         //!< print every this many iterations (default 1)

    //! Prints one line (and a header before iteration 0 or the first line printed).
    template <class T>
    bool operator()(const iteration_info<T>& it) const {
        if (every == 0 || it.iteration % every != 0)
            return true;
        auto& o = *os;
        if (it.iteration < every)
            o << std::setw(6) << "iter" << std::setw(16) << "f" << std::setw(13) << "||g||"
              << std::setw(13) << "step" << std::setw(10) << "time[s]" << '\n';
        const auto flags = o.flags();
        const auto prec = o.precision();
        o << std::setw(6) << it.iteration << std::scientific << std::setprecision(7)
          << std::setw(16) << static_cast<double>(it.f) << std::setprecision(3) << std::setw(13)
          << static_cast<double>(it.gradient_norm) << std::setw(13) << static_cast<double>(it.step)
          << std::fixed << std::setw(10) << it.seconds << '\n';
        o.flags(flags);
        o.precision(prec);
        return true;
    }
};

namespace detail {
//! Invokes a callback; `void` results count as "go on".
template <class C, class T>
bool invoke_callback(C& cb, const iteration_info<T>& info) {
    static_assert(std::is_invocable_v<C&, const iteration_info<T>&>,
                  "nabla::solvers: a callback must be callable as cb(const iteration_info<T>&) "
                  "and return bool (true = continue) or void");
    if constexpr (!std::is_invocable_v<C&, const iteration_info<T>&>) {
        return false; // unreachable: the static_assert above fired
    } else if constexpr (std::is_void_v<std::invoke_result_t<C&, const iteration_info<T>&>>) {
        cb(info);
        return true;
    } else {
        return static_cast<bool>(cb(info));
    }
}
} // namespace detail

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_CALLBACKS_HPP
