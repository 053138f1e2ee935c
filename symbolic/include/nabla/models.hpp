//! \file
//! \brief The model zoo: regression, classification and a one-hidden-layer network, written in
//! the same expressions users write.
#ifndef NABLA_MODELS_HPP
#define NABLA_MODELS_HPP

#include <nabla/models/classification.hpp>
#include <nabla/models/neural_network.hpp>
#include <nabla/models/regression.hpp>

#endif // NABLA_MODELS_HPP
