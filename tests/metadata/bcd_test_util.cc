// The shared set-up of the BCD tests (bcd_test_util.h).
#include "bcd_test_util.h"

#include <gtest/gtest.h>

#include <utility>

namespace vssemu::metadata::bcd_test {

std::shared_ptr<BcdComponent> Sample() {
  auto c = std::make_shared<BcdComponent>();
  c->type = VSS_CT_DATABASE;
  c->logical_path = L"Instance\\Db";
  c->name = L"Main";
  return c;
}

com::ComPtr<IVssComponentEx2> View(std::shared_ptr<BcdComponent> component,
                                   BcdEvent event) {
  com::ComPtr<IVssComponent> base;
  EXPECT_EQ(ReturnBcdComponentView(std::move(component), MakeBcdAccess(event),
                                   base.put()),
            S_OK);
  com::ComPtr<IVssComponentEx2> ex2;
  EXPECT_EQ(base.As(&ex2), S_OK);
  return ex2;
}

}  // namespace vssemu::metadata::bcd_test
