"""The console in a real browser (issue 19 item 6): Debian's chromium driven through
chromium-driver by Selenium, headless, against a real server on a fresh database
(scripts/with-server.sh sets SALES_SERVER_URL and SALES_API_KEY; `make test-browser`).

A person's way through it: sign in; a customer whose name is HTML shows as text; quote → convert
→ confirm → a partial invoice → a partial shipment → the remaining quantities → an over-invoice
answered quantity_exceeded beside its line; a paid invoice voided leaves credit that the
customer's next order shows; the dashboard's chart; the invoice printed to PDF holds its total.
After every step the browser's log must hold no error. Screenshots go to docs/screenshots/."""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import uuid
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

URL = os.environ["SALES_SERVER_URL"]
KEY = os.environ["SALES_API_KEY"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
XSS_NAME = "<img src=x onerror=alert(1)>"


def api(method, path, body=None):
    request = urllib.request.Request(URL + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", f"Bearer {KEY}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


class Console(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        # A view re-renders after each action: an element found a moment before may be replaced.
        cls.wait = WebDriverWait(cls.driver, 30, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        tag = uuid.uuid4().hex[:6]
        cls.product = api("POST", "/v1/products", {"sku": f"TEA-{tag}", "name": "Green tea 250 g", "unit_price": 1250})
        api("POST", f"/v1/products/{cls.product['id']}/stock-adjustments", {"quantity": 100, "reason": "delivery"})
        cls.customer = api("POST", "/v1/customers", {"name": f"Corner Shop {tag}"})
        api("POST", "/v1/customers", {"name": XSS_NAME})
        cls.rep = api("POST", "/v1/sales-reps", {"name": f"Rita Rep {tag}"})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    # -- helpers ---------------------------------------------------------------------------
    def go(self, hash_path):
        self.driver.get(f"{URL}/console/{hash_path}")

    def heading(self, text):
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), text))

    def by_label(self, text):
        label = self.wait.until(EC.presence_of_element_located((By.XPATH, f"//label[normalize-space()='{text}']")))
        return self.driver.find_element(By.ID, label.get_attribute("for"))

    def click(self, text):
        """Clicks the button (or button-styled link) with this text, finding it again if the view
        re-rendered under it."""
        xpath = f"//button[normalize-space()='{text}' and not(@disabled)] | //a[contains(@class,'button') and normalize-space()='{text}']"

        def attempt(driver):
            driver.find_element(By.XPATH, xpath).click()
            return True

        self.wait.until(attempt)

    def cell(self, name):
        return self.driver.find_element(By.CSS_SELECTOR, f"table.lines tbody tr td[data-cell='{name}']").text

    def assert_no_browser_errors(self):
        errors = []
        for entry in self.driver.get_log("browser"):
            if entry["level"] != "SEVERE":
                continue
            # A refused request is logged by the browser itself; the test checks that the page
            # showed the refusal. Anything else (a script error, a CSP violation) fails.
            if "the server responded with a status of 4" in entry["message"]:
                continue
            errors.append(entry["message"])
        self.assertEqual(errors, [])

    def screenshot(self, name):
        self.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))

    def sign_in(self):
        """Signs in as a person does, from a tab that holds no key."""
        self.go("")
        self.driver.execute_script("sessionStorage.clear()")
        self.go("#/")
        self.driver.refresh()
        self.wait.until(EC.url_contains("#/signin"))
        self.by_label("API key").send_keys(KEY)
        self.click("Sign in")
        self.heading("Dashboard")

    # -- the tests -------------------------------------------------------------------------
    def test_1_sign_in_and_html_in_data_is_text(self):
        self.sign_in()
        self.assert_no_browser_errors()
        self.go("#/customers")
        self.heading("Customers")
        cell = self.wait.until(EC.presence_of_element_located((By.XPATH, "//td[starts-with(normalize-space(), '<img')]")))
        self.assertEqual(cell.text, XSS_NAME)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main table img"), [])
        self.screenshot("customers")
        self.assert_no_browser_errors()

    def test_2_a_sale_from_quote_to_credit(self):
        self.sign_in()
        # A quote for 5, converted and confirmed.
        self.go(f"#/quotes/new?customer_id={self.customer['id']}")
        self.heading("New quote")
        Select(self.driver.find_element(By.NAME, "lines[0].product_id")).select_by_value(str(self.product["id"]))
        quantity = self.driver.find_element(By.NAME, "lines[0].quantity")
        quantity.clear()
        quantity.send_keys("4")
        self.click("Create quote")
        self.heading("Quote Q-")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "[data-figure=quote-total]").text, "USD 50.00")
        # Edit the draft's lines: 5, priced again by the server.
        self.click("Edit lines…")
        quantity = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog input[name='lines[0].quantity']")))
        quantity.clear()
        quantity.send_keys("5")
        self.click("Save lines")
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-figure=quote-total]"), "USD 62.50"))
        quote_path = self.driver.current_url.split("#")[1]
        self.assert_pdf(f"{quote_path}/print", "[data-figure=quote-total]", ["Quote Q-", "USD 62.50"])
        self.go(f"#{quote_path}")
        self.click("Convert to order")
        self.heading("Order SO-")
        self.screenshot("order-draft")
        self.click("Confirm order")
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meta .badge"), "confirmed"))
        order_path = self.driver.current_url.split("#")[1]

        # Invoice 2 of 5.
        self.click("Invoice…")
        box = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog input[name=quantity]")))
        self.assertEqual(box.get_attribute("value"), "5")
        box.clear()
        box.send_keys("2")
        self.click("Create invoice")
        self.heading("Invoice INV-")
        self.assertIn("USD 25.00", self.driver.find_element(By.CSS_SELECTOR, "[data-figure=invoice-total]").text)
        invoice_path = self.driver.current_url.split("#")[1]

        # Ship 1 of 5.
        self.go(f"#{order_path}")
        self.click("Ship…")
        box = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog input[name=quantity]")))
        box.clear()
        box.send_keys("1")
        self.click("Create shipment")
        remaining = lambda d: [self.cell(n) for n in ["invoiced", "shipped", "to_invoice", "to_ship"]]  # noqa: E731
        self.wait.until(lambda d: remaining(d) == ["2", "1", "3", "4"])
        self.assertEqual(remaining(self.driver), ["2", "1", "3", "4"])
        self.screenshot("order")

        # Invoicing 10 when 3 remain: refused, and said beside the line.
        self.click("Invoice…")
        box = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog input[name=quantity]")))
        self.assertEqual(box.get_attribute("value"), "3")
        box.clear()
        box.send_keys("10")
        self.click("Create invoice")
        error = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog .field-error[data-for='lines[0].quantity']")))
        self.assertIn("3", error.text)
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "dialog .problem").text)
        self.screenshot("over-invoice")
        self.driver.find_element(By.CSS_SELECTOR, "dialog .close").click()
        self.assertEqual(api("GET", f"/v1{order_path}")["lines"][0]["quantity_invoiced"], 2)

        # Pay the invoice in full, void it: the 25.00 paid becomes the customer's credit.
        self.go(f"#{order_path}")
        self.click("Record payment…")
        self.by_label("Amount (USD)").send_keys("25.00")
        self.click("Record payment")
        self.go(f"#{invoice_path}")
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meta .badge"), "paid"))
        self.screenshot("invoice")
        self.print_to_pdf(invoice_path)
        self.go(f"#{invoice_path}")
        self.click("Void invoice")
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meta .badge"), "void"))

        # The customer's next order shows the credit beside it.
        next_order = api("POST", "/v1/orders", {"customer_id": self.customer["id"], "lines": [{"product_id": self.product["id"], "quantity": 1}]})
        self.go(f"#/orders/{next_order['id']}")
        panel = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[aria-label='Customer balance']")))
        self.assertIn("Credit balance\nUSD 25.00", panel.text)
        self.screenshot("order-with-credit")
        self.assert_no_browser_errors()

    def print_to_pdf(self, invoice_path):
        self.assert_pdf(f"{invoice_path}/print", "[data-figure=invoice-total]", ["Invoice INV-", "USD 25.00"])
        self.screenshot("invoice-print")

    def assert_pdf(self, print_path, figure, expected):
        """Prints the view to PDF as the browser does and reads its text back (pdftotext)."""
        self.go(f"#{print_path}")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f".print-page {figure}")))
        pdf = base64.b64decode(self.driver.print_page())
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(["pdftotext", "-layout", file.name, "-"], check=True, capture_output=True, text=True).stdout
        for piece in expected:
            self.assertIn(piece, text)

    def test_3_dashboard_chart_and_reference(self):
        self.sign_in()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart rect.bar")))
        self.assertGreaterEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")), 1)
        self.screenshot("dashboard")
        self.go("#/reference")
        self.heading("API reference")
        self.assertTrue(self.driver.find_elements(By.XPATH, "//code[normalize-space()='/v1/orders/{id}/invoices']"))
        # How long each view takes to show its data (issue 19 item 5: state the slowest), printed.
        timings = []
        quick = WebDriverWait(self.driver, 30, poll_frequency=0.01, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        for view in ["#/", "#/customers", f"#/customers/{self.customer['id']}", "#/products", "#/quotes", "#/orders",
                     "#/invoices", "#/payments", "#/reps", "#/reports?report=sales", "#/reference"]:
            started = time.perf_counter()
            self.go(view)
            quick.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
            quick.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "main .loading"))
            timings.append((time.perf_counter() - started, view))
        for seconds, view in sorted(timings, reverse=True):
            print(f"view {view}: {seconds * 1000:.0f} ms", file=sys.stderr)
        # Reports: a table of the server's rows, every report and the journal export.
        for report in ["sales", "receivables-aging", "collections", "sales-reps", "top-products", "journal"]:
            self.go(f"#/reports?report={report}")
            self.heading("Report: ")
            self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table, main .empty")))
        # The field: clock in, log a visit, see it in the day's activities.
        self.go("#/reps")
        self.heading("Field sales")
        section = f"//section[h2[starts-with(normalize-space(), '{self.rep['name']}')]]"
        self.wait.until(EC.element_to_be_clickable((By.XPATH, f"{section}//button[normalize-space()='Clock in']"))).click()
        self.wait.until(EC.presence_of_element_located((By.XPATH, f"{section}//button[normalize-space()='Clock out']")))
        self.wait.until(EC.element_to_be_clickable((By.XPATH, f"{section}//button[normalize-space()='Log a visit…']"))).click()
        self.by_label("Outcome").send_keys("Ordered two bags")
        self.click("Log it")
        self.wait.until(EC.text_to_be_present_in_element((By.XPATH, section), "visit · Ordered two bags"))
        self.assertTrue(api("GET", f"/v1/sales-reps/{self.rep['id']}")["clocked_in"])
        self.screenshot("field-sales")
        self.driver.set_window_size(390, 844)
        self.go("#/orders")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main table")))
        self.screenshot("phone-orders")
        self.driver.set_window_size(1280, 900)
        self.assert_no_browser_errors()

    def test_4_credit_limit_override_edit_and_credit_note(self):
        self.sign_in()
        tight = api("POST", "/v1/customers", {"name": f"Tight Budget {uuid.uuid4().hex[:6]}", "credit_limit": 1000})
        order = api("POST", "/v1/orders", {"customer_id": tight["id"], "lines": [{"product_id": self.product["id"], "quantity": 5}]})
        # Over the limit: said in words, and an admin may confirm anyway.
        self.go(f"#/orders/{order['id']}")
        self.click("Confirm order")
        alert = self.wait.until(EC.alert_is_present())
        self.assertIn("past their credit limit", alert.text)
        alert.accept()
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meta .badge"), "confirmed"))
        self.assertEqual(api("GET", f"/v1/orders/{order['id']}")["status"], "confirmed")

        # An admin raises the limit from the customer's page (If-Match: the version shown).
        self.go(f"#/customers/{tight['id']}")
        self.click("Edit…")
        limit = self.by_label("Credit limit (USD; empty: no limit)")
        self.assertEqual(limit.get_attribute("value"), "10.00")
        limit.clear()
        limit.send_keys("100.00")
        self.click("Save")
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[aria-label='Customer balance']"), "Credit limit\nUSD 100.00"))
        self.assertEqual(api("GET", f"/v1/customers/{tight['id']}")["credit_limit"], 10000)

        # Credit one unit of an invoice: a credit note, and the invoice says what was credited.
        invoice = api("POST", f"/v1/orders/{order['id']}/invoices", {})
        self.go(f"#/invoices/{invoice['id']}")
        self.click("Credit…")
        box = self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog input[name=quantity]")))
        box.clear()
        box.send_keys("1")
        self.by_label("Reason").send_keys("One bag arrived torn")
        self.click("Create credit note")
        self.wait.until(EC.text_to_be_present_in_element((By.XPATH, "//section[h2='Credit notes']"), "CN-"))
        self.assertEqual(api("GET", f"/v1/invoices/{invoice['id']}")["amount_credited"], 1250)
        self.screenshot("invoice-credited")
        # A payment recorded on the invoice itself is allocated to it.
        self.click("Record payment…")
        self.by_label("Amount (USD)").send_keys("10.00")
        self.click("Record payment")
        self.wait.until(lambda d: api("GET", f"/v1/invoices/{invoice['id']}")["amount_paid"] == 1000)
        self.go("#/payments")
        self.heading("Payments")

        # A new product and its first stock, from the products page.
        sku = f"CUP-{uuid.uuid4().hex[:6]}"
        self.go("#/products")
        self.click("New product…")
        self.by_label("SKU").send_keys(sku)
        self.by_label("Name").send_keys("Paper cups (50)")
        self.by_label("Unit price (USD)").send_keys("3.99")
        self.click("Create product")
        row = f"//tr[td[normalize-space()='{sku}']]"
        self.wait.until(EC.element_to_be_clickable((By.XPATH, f"{row}//button[normalize-space()='Adjust stock']"))).click()
        self.by_label("Quantity (+ received, − removed)").send_keys("24")
        self.click("Adjust")
        self.wait.until(EC.text_to_be_present_in_element((By.XPATH, row), "24"))
        created = api("GET", f"/v1/products?q={sku}")["data"][0]
        self.assertEqual((created["unit_price"], created["stock"]["on_hand"]), (399, 24))
        self.assert_no_browser_errors()


if __name__ == "__main__":
    unittest.main(verbosity=2)
