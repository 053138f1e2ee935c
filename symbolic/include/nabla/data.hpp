//! \file
//! \brief Losses over datasets: vector and matrix parameters, data symbols, `dataset`, and
//! evaluation of values, gradients and Hessian-vector products over rows.
#ifndef NABLA_DATA_HPP
#define NABLA_DATA_HPP

#include <nabla/symbolic.hpp>
#include <nabla/symbolic/data/csv.hpp>
#include <nabla/symbolic/data/dataset.hpp>
#include <nabla/symbolic/data/evaluate.hpp>
#include <nabla/symbolic/data/feature_importance.hpp>
#include <nabla/symbolic/data/standardize.hpp>
#include <nabla/symbolic/linear_algebra.hpp>

#endif // NABLA_DATA_HPP
