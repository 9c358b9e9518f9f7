#pragma once
/// \file
/// Everything koers offers, in one include.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>
#include <koers/model/kinds.hpp>
#include <koers/model/strategy_graph.hpp>
#include <koers/model/model_json.hpp>
#include <koers/analysis/coverage.hpp>
#include <koers/analysis/trace.hpp>
#include <koers/analysis/reach.hpp>
#include <koers/analysis/mix.hpp>
#include <koers/analysis/impact.hpp>
#include <koers/analysis/diff.hpp>
