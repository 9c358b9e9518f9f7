// GRL evaluation (jUCMNav algorithms) and the jUCMNav importer.
#include "testing.hpp"

#include <koers/analysis/grl.hpp>
#include <koers/io/jucm.hpp>

#include <map>
#include <string>

using namespace koers;
using namespace koers::grl;

namespace {
Model amyot() { return io::load_jucm(koers::testing::shared_path("data/grl/idrisgrl_amyot-main.jucm")); }

std::string label_by_name(const Result& r, const std::string& name) {
  auto* e = r.by_name(name);
  REQUIRE(e != nullptr);
  return std::string(to_string(e->label));
}

// A small model built by hand.
struct Builder {
  Model m;
  Builder& el(const std::string& id, Decomposition d = Decomposition::and_) {
    m.elements.push_back({id, id, ElementType::goal, d, Importance::none, 0, "goal"});
    return *this;
  }
  Builder& dec(const std::string& child, const std::string& parent) {
    m.links.push_back({child + ">" + parent, LinkKind::decomposition, child, parent, ContributionType::help, 0, false});
    return *this;
  }
  Builder& con(const std::string& src, const std::string& dest, int strength) {
    m.links.push_back(
        {src + ">" + dest, LinkKind::contribution, src, dest, contribution_of(strength), strength, false});
    return *this;
  }
  Builder& con(const std::string& src, const std::string& dest, ContributionType c) {
    m.links.push_back({src + ">" + dest, LinkKind::contribution, src, dest, c, strength_of(c), false});
    return *this;
  }
  Builder& dep(const std::string& dependee, const std::string& depender) {
    m.links.push_back(
        {dependee + ">" + depender, LinkKind::dependency, dependee, depender, ContributionType::help, 0, false});
    return *this;
  }
  Builder& strategy(const std::string& name, std::vector<std::pair<std::string, int>> values) {
    grl::Strategy s{name, name, "", {}, {}};
    for (auto& [id, v] : values) s.evaluations.push_back({id, v, std::nullopt});
    m.strategies.push_back(s);
    return *this;
  }
};
}  // namespace

// Amyot, D., Ghanavati, S., Horkoff, J., Mussbacher, G., Peyton, L., Yu, E. (2010). "Evaluating
// goal models within the goal-oriented requirement language". International Journal of
// Intelligent Systems 25(8), 841-877. Telecom example as rebuilt by jfdm/idris-grl @ b29c8126
// (data/amyot-main.jucm); expected labels from GRL/Test/Amyot.idr (strategy1/2/4ExpectedResults),
// the qualitative evaluation. The .jucm strategies: EvaluationStrategy4 = strategy 1,
// EvaluationStrategy76 = strategy 2, EvaluationStrategy121 = strategy 4.
TEST_CASE("Amyot 2010 telecom example: every strategy gives the published labels", "[grl][jucm][amyot]") {
  Model m = amyot();
  REQUIRE(m.elements.size() == 15);
  REQUIRE(m.strategy_names() ==
          std::vector<std::string>{"EvaluationStrategy4", "EvaluationStrategy76", "EvaluationStrategy121"});
  CHECK(m.default_algorithm == Algorithm::qualitative);

  // file names ("High Performace", "Maximum Hardware Utilisation") as in the .jucm
  using Expected = std::map<std::string, std::string>;
  const Expected s1{{"Low Cost", "WeaklySatisfied"},
                    {"Minimum Changes to Infrastructure", "WeaklySatisfied"},
                    {"Determine Data Location", "Satisfied"},
                    {"High Performace", "None"},
                    {"Maximum Hardware Utilisation", "WeaklySatisfied"},
                    {"High Throughput", "None"},
                    {"Minimum Message Exchange", "Satisfied"},
                    {"Minimum Switch Load", "Denied"},
                    {"Data in Service Control Point", "Satisfied"},
                    {"Data in New Service Node", "None"},
                    {"Install Service Node", "None"},
                    {"Service in Central Switch", "Satisfied"},
                    {"Determine Service Location", "Satisfied"},
                    {"Service in Service Control Point", "None"}};
  const Expected s2{{"Low Cost", "None"},
                    {"Minimum Changes to Infrastructure", "None"},
                    {"Determine Data Location", "Satisfied"},
                    {"High Performace", "None"},
                    {"Maximum Hardware Utilisation", "WeaklySatisfied"},
                    {"High Throughput", "None"},
                    {"Minimum Message Exchange", "Satisfied"},
                    {"Minimum Switch Load", "Denied"},
                    {"Data in Service Control Point", "None"},
                    {"Data in New Service Node", "Satisfied"},
                    {"Install Service Node", "Satisfied"},
                    {"Service in Central Switch", "Satisfied"},
                    {"Determine Service Location", "Satisfied"},
                    {"Service in Service Control Point", "None"}};
  const Expected s4{{"Low Cost", "WeaklySatisfied"},
                    {"Minimum Changes to Infrastructure", "WeaklySatisfied"},
                    {"Determine Data Location", "Satisfied"},
                    {"High Performace", "None"},
                    {"Maximum Hardware Utilisation", "WeaklySatisfied"},
                    {"High Throughput", "None"},
                    {"Minimum Message Exchange", "WeaklyDenied"},
                    {"Minimum Switch Load", "Satisfied"},
                    {"Data in Service Control Point", "Satisfied"},
                    {"Data in New Service Node", "None"},
                    {"Install Service Node", "None"},
                    {"Service in Central Switch", "None"},
                    {"Determine Service Location", "Satisfied"},
                    {"Service in Service Control Point", "Satisfied"}};
  for (auto& [strategy, expected] : std::map<std::string, Expected>{
           {"EvaluationStrategy4", s1}, {"EvaluationStrategy76", s2}, {"EvaluationStrategy121", s4}}) {
    Result r = evaluate(m, strategy);
    CHECK(r.algorithm == Algorithm::qualitative);
    for (auto& [name, label] : expected) {
      INFO(strategy << ": " << name);
      CHECK(label_by_name(r, name) == label);
    }
    // the stray element of the file (on no diagram, no links)
    CHECK(label_by_name(r, "Task86") == "None");
  }
}

TEST_CASE("Amyot 2010: the _numEval/_qualEval jUCMNav saved match EvaluationStrategy76", "[grl][jucm][amyot]") {
  // The .jucm keeps jUCMNav's last run (metadata _numEval): EvaluationStrategy76 under the
  // qualitative algorithm: e.g. High Throughput 0, Minimum Switch Load -100.
  Result r = evaluate(amyot(), "EvaluationStrategy76");
  std::map<std::string, int> saved{{"High Performace", 0},
                                   {"Low Cost", 0},
                                   {"Minimum Changes to Infrastructure", 0},
                                   {"Maximum Hardware Utilisation", 50},
                                   {"High Throughput", 0},
                                   {"Minimum Switch Load", -100},
                                   {"Minimum Message Exchange", 100},
                                   {"Determine Data Location", 100},
                                   {"Determine Service Location", 100},
                                   {"Data in Service Control Point", 0},
                                   {"Data in New Service Node", 100},
                                   {"Service in Central Switch", 100},
                                   {"Service in Service Control Point", 0},
                                   {"Install Service Node", 100}};
  for (auto& [name, v] : saved) {
    INFO(name);
    CHECK(r.by_name(name)->value == v);
  }
}

TEST_CASE("Amyot 2010 quantitatively: jUCMNav's integer arithmetic", "[grl][jucm][amyot]") {
  // Hand-computed with QuantitativeGRLStrategyAlgorithm, strategy 2 (EvaluationStrategy76):
  // Minimum Changes = trunc(25*50/100) + trunc(-25*100/100) + 0 = 12 - 25 = -13;
  // Low Cost = trunc(25*-13/100) = -3; High Throughput = 75 + trunc(25*-100/100) = 50;
  // High Performance = AND(min)(50, 50) = 50.
  Result r = evaluate(amyot(), "EvaluationStrategy76", {.algorithm = Algorithm::quantitative});
  CHECK(r.by_name("Minimum Changes to Infrastructure")->value == -13);
  CHECK(label_by_name(r, "Minimum Changes to Infrastructure") == "WeaklyDenied");
  CHECK(r.by_name("Low Cost")->value == -3);
  CHECK(r.by_name("High Throughput")->value == 50);
  CHECK(r.by_name("High Performace")->value == 50);
  CHECK(r.by_name("Minimum Switch Load")->value == -100);
  CHECK(r.by_name("Determine Data Location")->value == 100);
  // the explanation lists what each input gave
  auto& mc = *r.by_name("Minimum Changes to Infrastructure");
  REQUIRE(mc.inputs.size() == 3);
  std::map<std::string, int> amounts;
  for (auto& in : mc.inputs) amounts[in.source_name] = in.amount;
  CHECK(amounts["Maximum Hardware Utilisation"] == 12);
  CHECK(amounts["Data in New Service Node"] == -25);
  CHECK(amounts["Data in Service Control Point"] == 0);
}

// idris-grl GRL/Test/Decomposition.idr (jfdm/idris-grl @ b29c8126), models data/amyot-qual-ior.jucm
// and amyot-qual-and.jucm: Connection decomposed into LAN, Wireless, Internet.
TEST_CASE("idris-grl decomposition tests: IOR and AND", "[grl][jucm]") {
  auto ior = io::load_jucm(koers::testing::shared_path("data/grl/idrisgrl_amyot-qual-ior.jucm"));
  // or_a: (None, WS, WD) -> WS; or_b: all WD -> WD; or_c: (C, WS, WD) -> Unknown; or_d: (C, S, WD) -> S
  CHECK(label_by_name(evaluate(ior, "EvaluationStrategy4"), "Connection") == "WeaklySatisfied");
  CHECK(label_by_name(evaluate(ior, "EvaluationStrategy35"), "Connection") == "WeaklyDenied");
  CHECK(label_by_name(evaluate(ior, "EvaluationStrategy36"), "Connection") == "Unknown");
  CHECK(label_by_name(evaluate(ior, "EvaluationStrategy37"), "Connection") == "Satisfied");
  auto and_ = io::load_jucm(koers::testing::shared_path("data/grl/idrisgrl_amyot-qual-and.jucm"));
  for (auto& s : and_.strategies) {
    Result r = evaluate(and_, s.name);
    // and_a (None, WS, WD) -> WD; and_b all S -> S; and_c (C, WS, WD) -> Unknown; and_d (C, WS, D) -> D
    std::map<std::string, std::string> in;
    for (auto& e : r.elements)
      if (e.given) in[e.name] = std::string(to_string(e.label));
    std::string conn = label_by_name(r, "Connection");
    INFO(s.name);
    if (in["LAN"] == "None")
      CHECK(conn == "WeaklyDenied");
    else if (in["Internet"] == "Denied")
      CHECK(conn == "Denied");
    else if (in["LAN"] == "Conflict")
      CHECK(conn == "Unknown");
    else if (in["LAN"] == "Satisfied")
      CHECK(conn == "Satisfied");
  }
}

TEST_CASE("every jUCMNav file of the shared data loads and evaluates", "[grl][jucm]") {
  for (auto f :
       {"idrisgrl_amyot-main.jucm", "idrisgrl_amyot-qual-and.jucm", "idrisgrl_amyot-qual-ior.jucm",
        "idrisgrl_info-sec.jucm", "idrisgrl_security-requirements.jucm", "idrisgrl_usability-and-performance.jucm"}) {
    INFO(f);
    auto m = io::load_jucm(koers::testing::shared_path(std::string("data/grl/") + f));
    CHECK(!m.elements.empty());
    REQUIRE(!m.strategies.empty());
    for (auto& s : m.strategies)
      for (auto a : {Algorithm::qualitative, Algorithm::quantitative}) {
        Result r = evaluate(m, s.name, {.algorithm = a});
        CHECK(r.elements.size() == m.elements.size());
        for (auto& e : r.elements) {
          CHECK(e.value >= -100);
          CHECK(e.value <= 100);
        }
      }
  }
  // info-sec, strategy all four tasks Satisfied: Information Secrecy is an AND of six goals;
  // Data Confidentiality gets Help from two Satisfied tasks: 25 + 25 = 50 (quantitative).
  auto m = io::load_jucm(koers::testing::shared_path("data/grl/idrisgrl_info-sec.jucm"));
  Result q = evaluate(m, "EvaluationStrategy4", {.algorithm = Algorithm::quantitative});
  CHECK(q.by_name("Data Confidentiality")->value == 50);
  // -75 - 75 = -150 -> clamped to -100; jUCMNav's negative tolerance branch takes min(result, -90)
  // when there is no decomposition, so it stays -100 (unlike the positive side, which caps at 90)
  CHECK(q.by_name("Recipient Confidentiality")->value == -100);
  CHECK(q.by_name("Information Secrecy")->value == -100);  // AND = min
}

// Hand-computed cases of jUCMNav's QuantitativeGRLStrategyAlgorithm (tolerance 10).
TEST_CASE("quantitative: AND = min, OR = XOR = max", "[grl]") {
  Builder b;
  b.el("a").el("b").el("c").el("and").el("or", Decomposition::or_).el("xor", Decomposition::xor_);
  for (auto p : {"and", "or", "xor"}) b.dec("a", p).dec("b", p).dec("c", p);
  b.strategy("s", {{"a", 30}, {"b", -40}, {"c", 80}});
  Result r = evaluate(b.m, "s", {.algorithm = Algorithm::quantitative});
  CHECK(r.at("and").value == -40);
  CHECK(r.at("and").label == Label::weakly_denied);
  CHECK(r.at("or").value == 80);
  CHECK(r.at("xor").value == 80);
  CHECK(r.at("a").given);
  // the decisive child is marked
  int decisive = 0;
  for (auto& in : r.at("and").inputs)
    if (in.decisive) {
      ++decisive;
      CHECK(in.source == "b");
    }
  CHECK(decisive == 1);
}

TEST_CASE("quantitative: contributions weighted by strength, truncated, clamped, tolerance", "[grl]") {
  Builder b;
  b.el("x").el("y").el("z").el("g1").el("g2").el("g3").el("g4").el("g5");
  b.con("x", "g1", 25).con("y", "g1", 50);  // 33*25/100 = 8 (8.25, truncated), 100*50/100 = 50 -> 58
  b.con("x", "g2", -75);                    // 33*-75/100 = -24 (-24.75, truncated toward zero)
  b.con("z", "g3", 100).con("z", "g4", 60).con("y", "g4", 60);  // g3 = 100 (a 100 input); g4 = 60+60 -> 100 -> 90
  b.con("z", "g5", -100).con("y", "g5", -100);                  // -100 - 100 -> -100 (an input is -100: stays)
  b.strategy("s", {{"x", 33}, {"y", 100}, {"z", 100}});
  Result r = evaluate(b.m, "s", {.algorithm = Algorithm::quantitative});
  CHECK(r.at("g1").value == 58);
  CHECK(r.at("g2").value == -24);
  CHECK(r.at("g3").value == 100);
  CHECK(r.at("g3").label == Label::satisfied);
  CHECK(r.at("g4").value == 90);  // no single input reaches 100: at most 100 - tolerance
  CHECK(r.at("g5").value == -100);
  // with tolerance 0 the clamp alone applies
  CHECK(evaluate(b.m, "s", {.algorithm = Algorithm::quantitative, .tolerance = 0}).at("g4").value == 100);
  // explanation of g1: each input with its strength and what it gave
  auto& g1 = r.at("g1");
  REQUIRE(g1.inputs.size() == 2);
  CHECK(g1.inputs[0].source == "x");
  CHECK(g1.inputs[0].strength == 25);
  CHECK(g1.inputs[0].amount == 8);
  CHECK(g1.inputs[1].amount == 50);
  CHECK(g1.rule.find("contributions +8 +50") != std::string::npos);
}

TEST_CASE("quantitative: decomposition plus contributions, dependency cap", "[grl]") {
  Builder b;
  b.el("c1").el("c2").el("p").el("h").el("q").el("d");
  b.dec("c1", "p").dec("c2", "p").con("h", "p", 25).dep("d", "q").con("h", "q", 100);
  b.strategy("s", {{"c1", 60}, {"c2", 70}, {"h", 100}, {"d", 40}});
  Result r = evaluate(b.m, "s", {.algorithm = Algorithm::quantitative});
  CHECK(r.at("p").value == 85);  // min(60, 70) + 25
  CHECK(r.at("q").value == 40);  // 100 capped by the dependee at 40
  CHECK(r.at("q").rule.find("dependency") != std::string::npos);
}

TEST_CASE("quantitative: elements without inputs and not in the strategy are 0 (None)", "[grl]") {
  Builder b;
  b.el("a").el("g").con("a", "g", 100).strategy("empty", {});
  Result r = evaluate(b.m, "empty", {.algorithm = Algorithm::quantitative});
  CHECK(r.at("a").value == 0);
  CHECK(r.at("a").label == Label::none);
  CHECK(r.at("g").value == 0);
}

// Hand-computed with jUCMNav's QualitativeGRLStrategyAlgorithm tables.
TEST_CASE("qualitative: contribution table, w1/w2/w3 combination, decompositions", "[grl]") {
  Builder b;
  b.el("s").el("ws").el("d").el("c").el("g1").el("g2").el("g3").el("g4").el("and").el("or", Decomposition::or_);
  b.con("s", "g1", ContributionType::make);                                           // S x Make = S
  b.con("s", "g2", ContributionType::help).con("ws", "g2", ContributionType::hurt);   // WS, WD -> w1 = N -> None
  b.con("s", "g3", ContributionType::make).con("s", "g3", ContributionType::break_);  // S and D -> Conflict
  b.con("c", "g4", ContributionType::help).con("s", "g4", ContributionType::help);    // C source -> U -> Unknown
  b.dec("ws", "and").dec("d", "and").dec("ws", "or").dec("d", "or");
  b.strategy("q", {{"s", 100}, {"ws", 50}, {"d", -100}, {"c", -101}});
  Result r = evaluate(b.m, "q", {.algorithm = Algorithm::qualitative});
  CHECK(r.at("g1").label == Label::satisfied);
  CHECK(r.at("g2").label == Label::none);
  CHECK(r.at("g3").label == Label::conflict);
  CHECK(r.at("g3").value == 0);  // Conflict reports 0; its label says which
  CHECK(r.at("g4").label == Label::unknown);
  CHECK(r.at("and").label == Label::denied);
  CHECK(r.at("or").label == Label::weakly_satisfied);
  CHECK(r.at("or").value == 50);
  CHECK(r.at("c").label == Label::conflict);
  // the contribution label of each input is explained
  CHECK(r.at("g2").inputs[0].amount_label == Label::weakly_satisfied);
  CHECK(r.at("g2").inputs[1].amount_label == Label::weakly_denied);
}

TEST_CASE("label and strength tables", "[grl]") {
  CHECK(label_of(100) == Label::satisfied);
  CHECK(label_of(99) == Label::weakly_satisfied);
  CHECK(label_of(1) == Label::weakly_satisfied);
  CHECK(label_of(0) == Label::none);
  CHECK(label_of(-1) == Label::weakly_denied);
  CHECK(label_of(-100) == Label::denied);
  CHECK(contribution_of(100) == ContributionType::make);
  CHECK(contribution_of(75) == ContributionType::some_positive);
  CHECK(contribution_of(50) == ContributionType::some_positive);
  CHECK(contribution_of(49) == ContributionType::help);
  CHECK(contribution_of(0) == ContributionType::unknown);
  CHECK(contribution_of(-49) == ContributionType::hurt);
  CHECK(contribution_of(-50) == ContributionType::some_negative);
  CHECK(contribution_of(-100) == ContributionType::break_);
  CHECK(strength_of(*parse_contribution("some+")) == 75);
  CHECK(strength_of(*parse_contribution("help")) == 25);
  CHECK(strength_of(*parse_contribution("SomeNegative")) == -75);
}

TEST_CASE("a cycle is an error E201 naming its path", "[grl]") {
  Builder b;
  b.el("a").el("b").el("c").el("leaf");
  b.con("a", "b", 25).con("b", "c", 25).con("c", "a", 25).con("leaf", "a", 25);
  b.strategy("s", {{"leaf", 100}});
  try {
    evaluate(b.m, "s");
    FAIL("no error");
  } catch (const GraphError& e) {
    CHECK(e.code() == Errc::cycle);
    std::string msg = e.what();
    CHECK(msg.find("[E201]") == 0);
    CHECK(msg.find("'a'") != std::string::npos);
    CHECK(msg.find("'b'") != std::string::npos);
    CHECK(msg.find("'c'") != std::string::npos);
    CHECK(e.elements().size() == 3);
  }
  // a strategy that fixes an element of the cycle breaks it (its inputs are not read)
  b.strategy("fix", {{"a", 50}});
  Result r = evaluate(b.m, "fix", {.algorithm = Algorithm::quantitative});
  CHECK(r.at("b").value == 12);
  CHECK(r.at("c").value == 3);
}

TEST_CASE("unknown strategy: E209 naming it and the known ones", "[grl]") {
  try {
    evaluate(amyot(), "Strategy 9");
    FAIL("no error");
  } catch (const GraphError& e) {
    CHECK(e.code() == Errc::unknown_strategy);
    CHECK(e.element() == "Strategy 9");
    CHECK(std::string(e.what()).find("EvaluationStrategy76") != std::string::npos);
  }
}

TEST_CASE("StrategyGraph to GRL: refines/decomposes/contributes/part_of", "[grl][model]") {
  StrategyGraph g;
  g.name = "test plan";
  auto node = [&](std::string id, NodeKind k, std::optional<Decomposition> d = std::nullopt) {
    Node n;
    n.id = id;
    n.name = "N " + id;
    n.kind = k;
    n.decomposition = d;
    if (k == NodeKind::intervention) n.status = Status::new_;
    g.add_node(n);
  };
  node("dev", NodeKind::development, Decomposition::or_);
  node("g1", NodeKind::goal);
  node("g2", NodeKind::goal);
  node("i1", NodeKind::intervention);
  node("i2", NodeKind::intervention);
  node("p", NodeKind::programme);
  node("tg", NodeKind::target_group);
  g.add_edge({EdgeKind::refines, "dev", "g1", std::nullopt});
  g.add_edge({EdgeKind::refines, "dev", "g2", std::nullopt});
  g.add_edge({EdgeKind::contributes, "i1", "g1", Strength{std::nullopt, "make"}});
  g.add_edge({EdgeKind::contributes, "p", "g2", Strength{40.0, ""}});
  g.add_edge({EdgeKind::part_of, "i2", "p", std::nullopt});
  g.add_edge({EdgeKind::targets, "i1", "tg", std::nullopt});
  g.strategies.push_back({"plan", "", {{"i1", 50.0}, {"i2", 100.0}}});
  Model m = from_graph(g);
  CHECK(m.elements.size() == 6);  // the target group is left out
  CHECK(m.links.size() == 5);
  Result r = evaluate(m, "plan");
  CHECK(r.algorithm == Algorithm::quantitative);
  CHECK(r.at("g1").value == 50);   // 50 * 100 / 100
  CHECK(r.at("p").value == 100);   // AND of its one part
  CHECK(r.at("g2").value == 40);   // 100 * 40 / 100
  CHECK(r.at("dev").value == 50);  // OR = max
  CHECK(r.at("dev").kind == "development");
  CHECK(evaluate(m, "plan", {.algorithm = Algorithm::qualitative}).at("g1").label == Label::weakly_satisfied);
  g.strategies.push_back({"bad", "", {{"nope", 50.0}}});
  CHECK_THROWS_AS(from_graph(g), GraphError);
}

TEST_CASE("hostile or malformed jUCMNav input is an InputError, never a crash", "[grl][jucm]") {
  auto code = [](const std::string& text) {
    try {
      io::parse_jucm(text, "t");
    } catch (const InputError& e) { return static_cast<int>(e.code()); }
    return 0;
  };
  CHECK(code("") == 116);
  CHECK(code("not xml at all") == 116);
  CHECK(code("<a><b></a>") == 116);
  CHECK(code(std::string(100000, '<')) == 116);
  CHECK(code("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>") != 0);
  CHECK(code("<html/>") == 600);
  CHECK(code("<urn:URNspec xmlns:urn=\"u\"/>") == 600);
  const std::string head = "<urn:URNspec xmlns:urn=\"u\" xmlns:xsi=\"x\"><grlspec>";
  const std::string tail = "</grlspec></urn:URNspec>";
  CHECK(code(head + "<intElements name=\"a\"/>" + tail) == 600);  // no id
  CHECK(code(head + "<intElements id=\"1\" type=\"Bogus\"/>" + tail) == 600);
  CHECK(code(head + "<intElements id=\"1\"/><intElements id=\"1\"/>" + tail) == 600);
  CHECK(code(head + "<intElements id=\"1\"/><links xsi:type=\"grl:Contribution\" id=\"2\" src=\"1\" dest=\"9\"/>" +
             tail) == 600);
  CHECK(code(head +
             "<intElements id=\"1\"/><intElements id=\"2\"/><links xsi:type=\"grl:Contribution\" id=\"3\" src=\"1\" "
             "dest=\"2\" quantitativeContribution=\"x\"/>" +
             tail) == 600);
  CHECK(code(head +
             "<intElements id=\"1\"/><intElements id=\"2\"/><links xsi:type=\"grl:Contribution\" id=\"3\" src=\"1\" "
             "dest=\"2\" quantitativeContribution=\"999\"/>" +
             tail) == 600);
  CHECK(code(head +
             "<intElements id=\"1\"/><strategies id=\"5\" name=\"s\"><evaluations intElement=\"7\"/></strategies>" +
             tail) == 600);
  CHECK(code(head +
             "<intElements id=\"1\"/><strategies id=\"5\" name=\"s\"><evaluations intElement=\"1\" "
             "evaluation=\"1e9\"/></strategies>" +
             tail) == 600);
  CHECK(code(head + "<intElements id=\"1\"/>" + tail) == 0);
  try {
    io::load_jucm("/nonexistent/x.jucm");
    FAIL("no error");
  } catch (const InputError& e) { CHECK(e.code() == Errc::file_unreadable); }
  // defaults of EMF: a bare contribution is Help, 25
  auto m = io::parse_jucm(head +
                          "<intElements id=\"1\"/><intElements id=\"2\" type=\"Goal\" decompositionType=\"Or\"/>"
                          "<links xsi:type=\"grl:Contribution\" id=\"3\" src=\"1\" dest=\"2\"/>" +
                          tail);
  REQUIRE(m.links.size() == 1);
  CHECK(m.links[0].contribution == ContributionType::help);
  CHECK(m.links[0].strength == 25);
  CHECK(m.elements[0].type == ElementType::softgoal);
  CHECK(m.elements[0].decomposition == Decomposition::and_);
  CHECK(m.elements[1].decomposition == Decomposition::or_);
}

TEST_CASE("actors: importance-weighted satisfaction", "[grl][jucm]") {
  const std::string xml =
      "<urn:URNspec xmlns:urn=\"u\" xmlns:xsi=\"x\" xmlns:grl=\"g\"><grlspec>"
      "<intElements id=\"1\" name=\"A\" importance=\"High\" importanceQuantitative=\"80\"/>"
      "<intElements id=\"2\" name=\"B\" importance=\"Low\" importanceQuantitative=\"20\"/>"
      "<intElements id=\"3\" name=\"C\"/>"
      "<actors id=\"10\" name=\"Provider\" contRefs=\"20\"/>"
      "<strategies id=\"5\" name=\"s\"><evaluations intElement=\"1\" evaluation=\"100\"/>"
      "<evaluations intElement=\"2\" evaluation=\"-50\"/><evaluations intElement=\"3\" "
      "evaluation=\"-100\"/></strategies>"
      "</grlspec><urndef><specDiagrams xsi:type=\"grl:GRLGraph\" id=\"9\">"
      "<nodes xsi:type=\"grl:IntentionalElementRef\" id=\"11\" def=\"1\" contRef=\"20\"/>"
      "<nodes xsi:type=\"grl:IntentionalElementRef\" id=\"12\" def=\"2\" contRef=\"20\"/>"
      "<nodes xsi:type=\"grl:IntentionalElementRef\" id=\"13\" def=\"3\" contRef=\"20\"/>"
      "<contRefs xsi:type=\"grl:ActorRef\" id=\"20\" contDef=\"10\" nodes=\"11 12 13\"/>"
      "</specDiagrams></urndef></urn:URNspec>";
  auto m = io::parse_jucm(xml);
  REQUIRE(m.actors.size() == 1);
  CHECK(m.actors[0].elements.size() == 3);
  // (100*80 + -50*20) / (80 + 20) = 70; C has importance 0 and does not count
  auto q = evaluate(m, "s", {.algorithm = Algorithm::quantitative});
  REQUIRE(q.actors.size() == 1);
  CHECK(q.actors[0].value == 70);
  CHECK(q.actors[0].inputs.size() == 2);
  // qualitative: High x S = S, Low x WD = N, None x D = N -> S with N, N: w2 = S -> contribTable2[N][S] = S
  auto l = evaluate(m, "s", {.algorithm = Algorithm::qualitative});
  CHECK(l.actors[0].label == Label::satisfied);
}

TEST_CASE("result JSON has every element with value, label and inputs", "[grl]") {
  Result r = evaluate(amyot(), "EvaluationStrategy4");
  std::string j = to_json(r);
  CHECK(j.find("\"strategy\":\"EvaluationStrategy4\"") != std::string::npos);
  CHECK(j.find("\"label\":\"WeaklySatisfied\"") != std::string::npos);
  CHECK(to_json(amyot()).find("\"default_algorithm\":\"qualitative\"") != std::string::npos);
}

TEST_CASE("the lean path (explain off) gives the explained path's values and labels", "[grl]") {
  // Source: the same jUCMNav arithmetic twice; every .jucm of the shared data and its strategies,
  // quantitatively with tolerance 0, 10 and 20.
  for (const char* file :
       {"data/grl/idrisgrl_amyot-main.jucm", "data/grl/idrisgrl_info-sec.jucm",
        "data/grl/idrisgrl_security-requirements.jucm", "data/grl/idrisgrl_usability-and-performance.jucm"}) {
    Model m = io::load_jucm(koers::testing::shared_path(file));
    for (const auto& s : m.strategy_names()) {
      for (int tol : {0, 10, 20}) {
        Result full = evaluate(m, s, {.algorithm = Algorithm::quantitative, .tolerance = tol});
        Result lean = evaluate(m, s, {.algorithm = Algorithm::quantitative, .tolerance = tol, .explain = false});
        REQUIRE(full.elements.size() == lean.elements.size());
        for (std::size_t i = 0; i < full.elements.size(); ++i) {
          INFO(file << " " << s << " " << full.elements[i].id);
          CHECK(full.elements[i].value == lean.elements[i].value);
          CHECK(full.elements[i].label == lean.elements[i].label);
          CHECK(lean.elements[i].inputs.empty());
        }
      }
    }
  }
}

// ---- strategy inclusions (issue 13 item 1) ------------------------------------------------------
namespace {
// s0 includes s1 includes ... s<n-1>; s<k> gives element "a" the value k (the outermost wins).
Model include_chain(std::size_t n) {
  Builder b;
  b.el("a");
  for (std::size_t k = 0; k < n; ++k) {
    std::string id = "s" + std::to_string(k);
    b.strategy(id, {{"a", static_cast<int>(k % 100)}});
    if (k + 1 < n) b.m.strategies.back().includes.push_back("s" + std::to_string(k + 1));
  }
  return std::move(b.m);
}
}  // namespace

// Issue 13 item 1: a chain of 100,000 inclusions crashed (one C++ call per level).
TEST_CASE("strategy inclusions: a chain up to the limit evaluates, outer strategies override inner ones",
          "[grl][hostile]") {
  Model m = include_chain(grl::max_strategy_depth);
  auto r = evaluate(m, "s0");
  CHECK(r.at("a").value == 0);
  CHECK(r.at("a").given);
  // the innermost value arrives when the outer strategies give none
  for (std::size_t k = 0; k + 1 < m.strategies.size(); ++k) m.strategies[k].evaluations.clear();
  CHECK(evaluate(m, "s0").at("a").value == static_cast<int>((grl::max_strategy_depth - 1) % 100));
}

TEST_CASE("strategy inclusions: deeper than the limit is E108, 100,000 levels included, without a crash",
          "[grl][hostile]") {
  for (std::size_t n : {grl::max_strategy_depth + 1, std::size_t{100000}}) {
    Model m = include_chain(n);
    try {
      evaluate(m, "s0");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.code() == Errc::too_deep);
      CHECK(e.message().find("'s0'") != std::string::npos);
      CHECK(e.message().find(std::to_string(grl::max_strategy_depth) + " levels") != std::string::npos);
    }
  }
}

TEST_CASE("strategy inclusions: a cycle is E201 with its path; a diamond is no cycle", "[grl][hostile]") {
  Builder b;
  b.el("a").el("b");
  b.strategy("top", {{"a", 10}})
      .strategy("left", {{"b", 20}})
      .strategy("right", {{"b", 30}})
      .strategy("base", {{"a", 40}, {"b", 50}});
  auto& st = b.m.strategies;
  st[0].includes = {"left", "right"};
  st[1].includes = {"base"};
  st[2].includes = {"base"};
  auto r = evaluate(b.m, "top");
  CHECK(r.at("a").value == 10);  // top's own
  CHECK(r.at("b").value == 30);  // right comes after left
  st[3].includes = {"left"};     // base -> left -> base
  try {
    evaluate(b.m, "top");
    FAIL("no error");
  } catch (const GraphError& e) {
    CHECK(e.code() == Errc::cycle);
    CHECK(e.message().find("'left' includes 'base' includes 'left'") != std::string::npos);
  }
  st[3].includes = {"base"};  // includes itself
  CHECK_THROWS_AS(evaluate(b.m, "base"), GraphError);
}

TEST_CASE("a GRL model reads back from its JSON (pickling) and evaluates the same", "[grl][pickle]") {
  Model m = amyot();
  Model back = model_from_json(to_json(m));
  CHECK(to_json(back) == to_json(m));
  REQUIRE_FALSE(m.strategies.empty());
  for (const auto& s : m.strategy_names())
    for (auto alg : {Algorithm::quantitative, Algorithm::qualitative})
      CHECK(to_json(evaluate(back, s, {.algorithm = alg})) == to_json(evaluate(m, s, {.algorithm = alg})));
  CHECK_THROWS_AS(model_from_json("{"), InputError);
  CHECK_THROWS_AS(model_from_json(R"({"name": "x"})"), InputError);
}

TEST_CASE("LazyResult: copies and moves share one evaluation, equal to evaluate()", "[grl]") {
  Model m = amyot();
  const std::string strategy = m.strategies.front().name;
  const Result full = evaluate(m, strategy);
  LazyResult lazy = evaluate_lazy(m, strategy);
  LazyResult copy(lazy);
  LazyResult assigned;
  assigned = copy;
  assigned = assigned;  // self-assignment keeps it
  LazyResult moved(std::move(copy));
  LazyResult move_assigned;
  move_assigned = std::move(moved);
  for (const LazyResult* r : {&lazy, &assigned, &move_assigned}) {
    REQUIRE(r->size() == full.elements.size());
    CHECK(r->strategy() == strategy);
    for (std::size_t i = 0; i < r->size(); ++i) {
      CHECK(r->id(i) == full.elements[i].id);
      CHECK(r->value(i) == full.elements[i].value);
      CHECK(r->label(i) == full.elements[i].label);
    }
  }
  CHECK(&lazy.actors() == &assigned.actors());  // one shared evaluation, not a deep copy
}
