"""Contains all the data models used in inputs/outputs"""

from .accounting_settings import AccountingSettings
from .activity import Activity
from .activity_input import ActivityInput
from .activity_list import ActivityList
from .activity_type import ActivityType
from .address_type_0 import AddressType0
from .allocation import Allocation
from .allocation_source import AllocationSource
from .api_key import ApiKey
from .api_key_created import ApiKeyCreated
from .api_key_input import ApiKeyInput
from .api_key_list import ApiKeyList
from .apply_credit_body import ApplyCreditBody
from .balance import Balance
from .clock_in_body import ClockInBody
from .clock_out_body import ClockOutBody
from .collections_report_format import CollectionsReportFormat
from .collections_report_group_by import CollectionsReportGroupBy
from .confirm_order_body import ConfirmOrderBody
from .convert_quote_body import ConvertQuoteBody
from .credit_note import CreditNote
from .credit_note_input import CreditNoteInput
from .credit_note_input_lines_item import CreditNoteInputLinesItem
from .credit_note_lines_item import CreditNoteLinesItem
from .credit_note_list import CreditNoteList
from .credit_refund import CreditRefund
from .credit_refund_input import CreditRefundInput
from .credit_refund_list import CreditRefundList
from .currency import Currency
from .customer import Customer
from .customer_input import CustomerInput
from .customer_list import CustomerList
from .customer_patch import CustomerPatch
from .event import Event
from .event_actor_type_0 import EventActorType0
from .event_actor_type_0_type import EventActorType0Type
from .event_data import EventData
from .event_page import EventPage
from .geo_point_type_0 import GeoPointType0
from .invoice import Invoice
from .invoice_credit_notes_item import InvoiceCreditNotesItem
from .invoice_input import InvoiceInput
from .invoice_line import InvoiceLine
from .invoice_line_request import InvoiceLineRequest
from .invoice_list import InvoiceList
from .invoice_status import InvoiceStatus
from .journal import Journal
from .journal_export_format import JournalExportFormat
from .journal_line import JournalLine
from .journal_line_document_type import JournalLineDocumentType
from .journal_totals import JournalTotals
from .ledger_entry import LedgerEntry
from .ledger_entry_document_type import LedgerEntryDocumentType
from .ledger_entry_list import LedgerEntryList
from .ledger_entry_type import LedgerEntryType
from .line_input import LineInput
from .list_activities_metadata import ListActivitiesMetadata
from .list_credit_refunds_metadata import ListCreditRefundsMetadata
from .list_customers_metadata import ListCustomersMetadata
from .list_invoices_metadata import ListInvoicesMetadata
from .list_invoices_status import ListInvoicesStatus
from .list_orders_invoice_status import ListOrdersInvoiceStatus
from .list_orders_metadata import ListOrdersMetadata
from .list_orders_shipment_status import ListOrdersShipmentStatus
from .list_payments_metadata import ListPaymentsMetadata
from .list_products_metadata import ListProductsMetadata
from .list_quotes_metadata import ListQuotesMetadata
from .list_sales_reps_metadata import ListSalesRepsMetadata
from .list_shipments_metadata import ListShipmentsMetadata
from .list_shipments_status import ListShipmentsStatus
from .list_tax_rates_metadata import ListTaxRatesMetadata
from .list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from .list_webhook_endpoints_metadata import ListWebhookEndpointsMetadata
from .metadata_type_0 import MetadataType0
from .openapi_response_200 import OpenapiResponse200
from .order import Order
from .order_availability_response_200 import OrderAvailabilityResponse200
from .order_availability_response_200_lines_item import OrderAvailabilityResponse200LinesItem
from .order_input import OrderInput
from .order_invoice_status import OrderInvoiceStatus
from .order_line import OrderLine
from .order_list import OrderList
from .order_patch import OrderPatch
from .order_payment_input import OrderPaymentInput
from .order_payment_status import OrderPaymentStatus
from .order_shipment_status import OrderShipmentStatus
from .order_source import OrderSource
from .order_status import OrderStatus
from .payment import Payment
from .payment_input import PaymentInput
from .payment_input_allocations_item import PaymentInputAllocationsItem
from .payment_list import PaymentList
from .payment_method import PaymentMethod
from .payment_status import PaymentStatus
from .prices_type_0 import PricesType0
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .product import Product
from .product_input import ProductInput
from .product_input_invoice_policy import ProductInputInvoicePolicy
from .product_invoice_policy import ProductInvoicePolicy
from .product_list import ProductList
from .product_patch import ProductPatch
from .product_patch_invoice_policy import ProductPatchInvoicePolicy
from .product_prices import ProductPrices
from .product_type import ProductType
from .quote import Quote
from .quote_input import QuoteInput
from .quote_line import QuoteLine
from .quote_list import QuoteList
from .quote_patch import QuotePatch
from .quote_status import QuoteStatus
from .receivables_aging_format import ReceivablesAgingFormat
from .report import Report
from .report_report import ReportReport
from .report_rows_item import ReportRowsItem
from .report_totals import ReportTotals
from .return_ import Return
from .return_input import ReturnInput
from .return_input_lines_item import ReturnInputLinesItem
from .return_lines_item import ReturnLinesItem
from .role import Role
from .sales_rep import SalesRep
from .sales_rep_input import SalesRepInput
from .sales_rep_list import SalesRepList
from .sales_rep_patch import SalesRepPatch
from .sales_report_format import SalesReportFormat
from .sales_report_group_by import SalesReportGroupBy
from .sales_reps_report_format import SalesRepsReportFormat
from .shift import Shift
from .shift_list import ShiftList
from .shift_status import ShiftStatus
from .shipment import Shipment
from .shipment_input import ShipmentInput
from .shipment_lines_item import ShipmentLinesItem
from .shipment_list import ShipmentList
from .shipment_status import ShipmentStatus
from .status import Status
from .stock_adjustment_input import StockAdjustmentInput
from .stock_movement import StockMovement
from .stock_movement_list import StockMovementList
from .stock_movement_type import StockMovementType
from .stock_row import StockRow
from .stock_row_list import StockRowList
from .stock_type_0 import StockType0
from .tax_rate import TaxRate
from .tax_rate_input import TaxRateInput
from .tax_rate_list import TaxRateList
from .tax_rate_patch import TaxRatePatch
from .top_products_format import TopProductsFormat
from .update_accounting_settings_body import UpdateAccountingSettingsBody
from .update_payment_body import UpdatePaymentBody
from .void_invoice_body import VoidInvoiceBody
from .void_payment_body import VoidPaymentBody
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_attempts_item import WebhookDeliveryAttemptsItem
from .webhook_delivery_list import WebhookDeliveryList
from .webhook_delivery_status import WebhookDeliveryStatus
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_input import WebhookEndpointInput
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_patch import WebhookEndpointPatch

__all__ = (
    "AccountingSettings",
    "Activity",
    "ActivityInput",
    "ActivityList",
    "ActivityType",
    "AddressType0",
    "Allocation",
    "AllocationSource",
    "ApiKey",
    "ApiKeyCreated",
    "ApiKeyInput",
    "ApiKeyList",
    "ApplyCreditBody",
    "Balance",
    "ClockInBody",
    "ClockOutBody",
    "CollectionsReportFormat",
    "CollectionsReportGroupBy",
    "ConfirmOrderBody",
    "ConvertQuoteBody",
    "CreditNote",
    "CreditNoteInput",
    "CreditNoteInputLinesItem",
    "CreditNoteLinesItem",
    "CreditNoteList",
    "CreditRefund",
    "CreditRefundInput",
    "CreditRefundList",
    "Currency",
    "Customer",
    "CustomerInput",
    "CustomerList",
    "CustomerPatch",
    "Event",
    "EventActorType0",
    "EventActorType0Type",
    "EventData",
    "EventPage",
    "GeoPointType0",
    "Invoice",
    "InvoiceCreditNotesItem",
    "InvoiceInput",
    "InvoiceLine",
    "InvoiceLineRequest",
    "InvoiceList",
    "InvoiceStatus",
    "Journal",
    "JournalExportFormat",
    "JournalLine",
    "JournalLineDocumentType",
    "JournalTotals",
    "LedgerEntry",
    "LedgerEntryDocumentType",
    "LedgerEntryList",
    "LedgerEntryType",
    "LineInput",
    "ListActivitiesMetadata",
    "ListCreditRefundsMetadata",
    "ListCustomersMetadata",
    "ListInvoicesMetadata",
    "ListInvoicesStatus",
    "ListOrdersInvoiceStatus",
    "ListOrdersMetadata",
    "ListOrdersShipmentStatus",
    "ListPaymentsMetadata",
    "ListProductsMetadata",
    "ListQuotesMetadata",
    "ListSalesRepsMetadata",
    "ListShipmentsMetadata",
    "ListShipmentsStatus",
    "ListTaxRatesMetadata",
    "ListWebhookDeliveriesStatus",
    "ListWebhookEndpointsMetadata",
    "MetadataType0",
    "OpenapiResponse200",
    "Order",
    "OrderAvailabilityResponse200",
    "OrderAvailabilityResponse200LinesItem",
    "OrderInput",
    "OrderInvoiceStatus",
    "OrderLine",
    "OrderList",
    "OrderPatch",
    "OrderPaymentInput",
    "OrderPaymentStatus",
    "OrderShipmentStatus",
    "OrderSource",
    "OrderStatus",
    "Payment",
    "PaymentInput",
    "PaymentInputAllocationsItem",
    "PaymentList",
    "PaymentMethod",
    "PaymentStatus",
    "PricesType0",
    "Problem",
    "ProblemErrorsItem",
    "Product",
    "ProductInput",
    "ProductInputInvoicePolicy",
    "ProductInvoicePolicy",
    "ProductList",
    "ProductPatch",
    "ProductPatchInvoicePolicy",
    "ProductPrices",
    "ProductType",
    "Quote",
    "QuoteInput",
    "QuoteLine",
    "QuoteList",
    "QuotePatch",
    "QuoteStatus",
    "ReceivablesAgingFormat",
    "Report",
    "ReportReport",
    "ReportRowsItem",
    "ReportTotals",
    "Return",
    "ReturnInput",
    "ReturnInputLinesItem",
    "ReturnLinesItem",
    "Role",
    "SalesRep",
    "SalesRepInput",
    "SalesRepList",
    "SalesReportFormat",
    "SalesReportGroupBy",
    "SalesRepPatch",
    "SalesRepsReportFormat",
    "Shift",
    "ShiftList",
    "ShiftStatus",
    "Shipment",
    "ShipmentInput",
    "ShipmentLinesItem",
    "ShipmentList",
    "ShipmentStatus",
    "Status",
    "StockAdjustmentInput",
    "StockMovement",
    "StockMovementList",
    "StockMovementType",
    "StockRow",
    "StockRowList",
    "StockType0",
    "TaxRate",
    "TaxRateInput",
    "TaxRateList",
    "TaxRatePatch",
    "TopProductsFormat",
    "UpdateAccountingSettingsBody",
    "UpdatePaymentBody",
    "VoidInvoiceBody",
    "VoidPaymentBody",
    "WebhookDelivery",
    "WebhookDeliveryAttemptsItem",
    "WebhookDeliveryList",
    "WebhookDeliveryStatus",
    "WebhookEndpoint",
    "WebhookEndpointInput",
    "WebhookEndpointList",
    "WebhookEndpointPatch",
)
