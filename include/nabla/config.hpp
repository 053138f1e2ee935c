//! \file
//! \brief Compiler and library configuration shared by every nabla header.
#ifndef NABLA_CONFIG_HPP
#define NABLA_CONFIG_HPP

#if __cplusplus < 202002L
#error "nabla requires C++20: compile with -std=c++20 or later"
#endif

//! \brief Marks a member that may occupy no storage when its type is empty.
#define NABLA_NO_UNIQUE_ADDRESS [[no_unique_address]]

//! \brief Forces inlining of the small evaluation helpers, so a plan becomes straight-line code.
//! `NABLA_ALWAYS_INLINE_LAMBDA` does the same for a lambda, after its parameter list.
#if defined(__GNUC__) || defined(__clang__)
//! A pointer that nothing else in its scope aliases (stores through it do not change other
//! values, so loops need not reload them).
#define NABLA_RESTRICT __restrict__
//! \brief Forces inlining of the small evaluation helpers, so a plan is straight-line code.
#define NABLA_ALWAYS_INLINE inline __attribute__((always_inline))
//! \brief Forces inlining of a lambda; written after its parameter list.
#define NABLA_ALWAYS_INLINE_LAMBDA __attribute__((always_inline))
//! \brief Asks for the cache line at `address` to be loaded into the second-level cache (no
//! effect on the program's results; a hint the processor may ignore).
#define NABLA_PREFETCH_L2(address) __builtin_prefetch((address), 0, 2)
#else
#define NABLA_RESTRICT
#define NABLA_ALWAYS_INLINE inline
#define NABLA_ALWAYS_INLINE_LAMBDA
#define NABLA_PREFETCH_L2(address) ((void)(address))
#endif

#endif // NABLA_CONFIG_HPP
