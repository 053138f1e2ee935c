//! \file
//! \brief `nabla::verify`: derivatives checked against 50-digit evaluation and a 100-digit
//! finite-difference oracle. Kept out of `<nabla/nabla.hpp>` because parsing
//! Boost.Multiprecision costs every translation unit about two seconds.
#ifndef NABLA_VERIFY_HPP
#define NABLA_VERIFY_HPP

#include <nabla/symbolic.hpp>
#include <nabla/symbolic/verify/verify.hpp>

#endif // NABLA_VERIFY_HPP
