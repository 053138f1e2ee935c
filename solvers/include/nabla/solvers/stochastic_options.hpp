#ifndef NABLA_SOLVERS_STOCHASTIC_OPTIONS_HPP
#define NABLA_SOLVERS_STOCHASTIC_OPTIONS_HPP

//! \file
//! \brief The options that turn a first-order run into a stochastic (mini-batch) one:
//! epochs(), batch_size(), shuffle_seed().
//!
//! Passed after the start point, in any order, optionally with a callback:
//! \code
//! namespace ns = nabla::solvers;
//! auto r = ns::adam{{.learning_rate = 1e-2}}.minimize(data_loss, w0, ns::epochs(50),
//!                                                     ns::batch_size(32), ns::shuffle_seed(7));
//! \endcode
//! The objective must then model finite_sum_objective.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/params.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace nabla::solvers {

//! \brief Number of passes over the data (\f$ \ge 1 \f$); required for a stochastic run. The run
//! ends with status::epoch_limit after this many epochs unless a convergence test held first.
struct epochs {
    std::size_t count; //!< passes over the data
    //! `epochs(50)`.
    constexpr explicit epochs(std::size_t n) noexcept : count(n) {}
};

//! \brief Samples per update \f$ b \ge 1 \f$ (default 1: plain stochastic gradient). The last
//! batch of an epoch holds the \f$ N \bmod b \f$ remaining samples if \f$ b \nmid N \f$; a
//! \f$ b \ge N \f$ makes every update a full-batch one.
struct batch_size {
    std::size_t count; //!< samples per mini-batch
    //! `batch_size(32)`.
    constexpr explicit batch_size(std::size_t n) noexcept : count(n) {}
};

//! \brief Seed of the shuffling (default 0). Each epoch visits the samples in a fresh uniformly
//! random permutation (Fisher-Yates on `std::mt19937_64`, whose output the standard fixes, with
//! unbiased rejection sampling), so a run is reproducible on every platform for a given seed.
struct shuffle_seed {
    std::uint64_t value; //!< the seed
    //! `shuffle_seed(42)`.
    constexpr explicit shuffle_seed(std::uint64_t s) noexcept : value(s) {}
};

//! \brief The collected stochastic options of one run.
struct stochastic_options {
    std::size_t epochs = 0;     //!< passes over the data (0: not given)
    std::size_t batch_size = 1; //!< samples per update (default 1)
    std::uint64_t seed = 0;     //!< shuffling seed (default 0)

    //! Throws std::invalid_argument naming the bad option.
    void validate() const {
        detail::require_at_least_one("epochs", epochs);
        detail::require_at_least_one("batch_size", batch_size);
    }
};

namespace detail {

//! True for the option types epochs, batch_size, shuffle_seed.
template <class A>
inline constexpr bool is_stochastic_option_v =
    std::is_same_v<A, epochs> || std::is_same_v<A, batch_size> || std::is_same_v<A, shuffle_seed>;

//! Folds one option into `o`; other arguments (the callback) are ignored.
template <class A>
constexpr void collect_option(stochastic_options& o, const A& a) {
    if constexpr (std::is_same_v<A, epochs>)
        o.epochs = a.count;
    else if constexpr (std::is_same_v<A, batch_size>)
        o.batch_size = a.count;
    else if constexpr (std::is_same_v<A, shuffle_seed>)
        o.seed = a.value;
}

//! The trailing arguments of minimize(): stochastic options and at most one callback.
template <class... A>
struct trailing_arguments {
    static constexpr std::size_t callbacks = (std::size_t{!is_stochastic_option_v<A>} + ... + 0);
    static_assert(callbacks <= 1, "nabla::solvers: minimize(f, x0, ...) takes at most one "
                                  "callback besides epochs(), batch_size() and shuffle_seed()");
    //! True if any stochastic option was given.
    static constexpr bool stochastic = (is_stochastic_option_v<A> || ...);
    //! True if epochs() was given.
    static constexpr bool has_epochs = (std::is_same_v<A, epochs> || ...);
    static_assert(!stochastic || has_epochs,
                  "nabla::solvers: a stochastic run needs nabla::solvers::epochs(n) (batch_size() "
                  "and shuffle_seed() alone do not bound it)");
};

//! The callback among the trailing arguments, or no_callback.
constexpr no_callback pick_callback() {
    return {};
}
//! \copydoc pick_callback()
template <class A, class... R>
constexpr auto pick_callback(const A& a, const R&... r) {
    if constexpr (is_stochastic_option_v<A>)
        return pick_callback(r...);
    else
        return a;
}

} // namespace detail
} // namespace nabla::solvers

#endif // NABLA_SOLVERS_STOCHASTIC_OPTIONS_HPP
