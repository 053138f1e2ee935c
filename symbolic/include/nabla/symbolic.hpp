//! \file
//! \brief Everything of nabla's symbolic layer: expressions, derivatives, evaluation, printing.
//! Verification, which needs 100-digit arithmetic, is `<nabla/verify.hpp>`.
#ifndef NABLA_SYMBOLIC_HPP
#define NABLA_SYMBOLIC_HPP

#include <nabla/symbolic/diff/derivative.hpp>
#include <nabla/symbolic/diff/gradient.hpp>
#include <nabla/symbolic/eval/eval.hpp>
#include <nabla/symbolic/eval/eval_all.hpp>
#include <nabla/symbolic/linear_algebra.hpp>
#include <nabla/symbolic/operators.hpp>
#include <nabla/symbolic/print/printer.hpp>

#endif // NABLA_SYMBOLIC_HPP
