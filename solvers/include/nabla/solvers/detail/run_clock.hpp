#ifndef NABLA_SOLVERS_DETAIL_RUN_CLOCK_HPP
#define NABLA_SOLVERS_DETAIL_RUN_CLOCK_HPP

//! \file
//! \brief The clock of a solver run: seconds from std::chrono::steady_clock, and cheaper
//! time stamps for the history, scaled to seconds when the run ends.

#include <chrono>
#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <x86intrin.h>
#define NABLA_SOLVERS_HAS_TSC 1
#else
#define NABLA_SOLVERS_HAS_TSC 0
#endif

namespace nabla::solvers::detail {

//! \brief Wall time since the start of a run.
//!
//! seconds() reads std::chrono::steady_clock (about 25 ns on a virtual machine, a large part
//! of an L-BFGS iteration at small n). stamp() is what the history records when nothing needs
//! the time during the run: on x86-64 the time-stamp counter (about 10 ns), which ticks at a
//! constant rate on the CPUs of the last fifteen years (`constant_tsc`); elapsed() then turns
//! a stamp into seconds by the ratio of steady-clock time to ticks over the whole run, read
//! once at its end. Elsewhere stamp() is the steady clock itself.
class run_clock {
public:
    run_clock() : start_(std::chrono::steady_clock::now()), start_ticks_(ticks()) {}

    //! Seconds since construction (steady_clock).
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    //! A time stamp: counter ticks since construction (see elapsed()).
    [[nodiscard]] double stamp() const {
#if NABLA_SOLVERS_HAS_TSC
        return static_cast<double>(ticks() - start_ticks_);
#else
        return seconds();
#endif
    }

    //! The factor that turns stamps into seconds, from a steady-clock reading `now` (seconds
    //! since construction) taken after the last stamp.
    [[nodiscard]] double seconds_per_stamp([[maybe_unused]] double now) const {
#if NABLA_SOLVERS_HAS_TSC
        const std::uint64_t t = ticks() - start_ticks_;
        return t > 0 ? now / static_cast<double>(t) : 0.0;
#else
        return 1.0;
#endif
    }

private:
    static std::uint64_t ticks() {
#if NABLA_SOLVERS_HAS_TSC
        return __rdtsc();
#else
        return 0;
#endif
    }

    std::chrono::steady_clock::time_point start_;
    std::uint64_t start_ticks_;
};

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_RUN_CLOCK_HPP
