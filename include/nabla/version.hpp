//! \file
//! \brief The library version.
#ifndef NABLA_VERSION_HPP
#define NABLA_VERSION_HPP

//! \brief Major version of nabla.
#define NABLA_VERSION_MAJOR 0
//! \brief Minor version of nabla.
#define NABLA_VERSION_MINOR 1
//! \brief Patch version of nabla.
#define NABLA_VERSION_PATCH 0

#endif // NABLA_VERSION_HPP
