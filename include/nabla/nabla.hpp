//! \file
//! \brief The umbrella header: `#include <nabla/nabla.hpp>` gives the whole library.
#ifndef NABLA_NABLA_HPP
#define NABLA_NABLA_HPP

#include <nabla/config.hpp>
#include <nabla/solvers.hpp>
#include <nabla/symbolic.hpp>
#include <nabla/version.hpp>

#endif // NABLA_NABLA_HPP
